using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Identity;

public static class MergeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the merge policy (options of section <see cref="MergePolicyOptions.SectionName"/>, validated at start)
    /// and <see cref="PersonMerger"/>. Core takes no configuration dependency: the host binds the section, e.g.
    /// <c>services.AddMergePolicy(o =&gt; configuration.GetSection(MergePolicyOptions.SectionName).Bind(o))</c>.
    /// Calling it twice is harmless (the configure callbacks add up, as with <c>Configure</c>).
    /// </summary>
    public static IServiceCollection AddMergePolicy(this IServiceCollection services, Action<MergePolicyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<MergePolicyOptions>().ValidateDataAnnotations();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MergePolicyOptions>, MergePolicyOptionsValidator>());
        services.TryAddSingleton(sp => MergePolicy.FromOptions(sp.GetRequiredService<IOptions<MergePolicyOptions>>().Value));
        services.TryAddSingleton(sp => new PersonMerger(sp.GetRequiredService<MergePolicy>()));
        return services;
    }
}
