using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Normalization;

/// <summary>Registers the normalization area.</summary>
public static class NormalizationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NormalizationOptions"/> validation (data annotations and cross-field rules, checked
    /// at start) and a shared <see cref="ContactNormalizer"/>. The host binds the options to section
    /// <see cref="NormalizationOptions.SectionName"/>. Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddSyncBridgeNormalization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ContactNormalizer)))
        {
            // Data-annotation validation is not a TryAdd: registering it twice would report every failure twice.
            return services;
        }

        services.AddOptions<NormalizationOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NormalizationOptions>, NormalizationOptionsValidator>());
        services.TryAddSingleton(sp => new ContactNormalizer(sp.GetRequiredService<IOptions<NormalizationOptions>>().Value));
        return services;
    }
}
