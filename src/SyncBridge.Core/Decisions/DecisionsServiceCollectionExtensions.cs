using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Decisions;

public static class DecisionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the decision engine and the validation of its five option sections (data annotations and
    /// cross-field rules, checked at start-up). Bind the sections from configuration in the host, e.g.
    /// <c>services.AddOptions&lt;ScoringOptions&gt;().BindConfiguration(ScoringOptions.SectionName)</c>.
    /// Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<ScoringOptions>().ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<LifecycleOptions>().ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<MarketingOptions>().ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<BillingOptions>().ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<SegmentsOptions>().ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LifecycleOptions>, LifecycleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MarketingOptions>, MarketingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SegmentsOptions>, SegmentsOptionsValidator>());
        services.TryAddSingleton(sp => new DecisionSettings
        {
            Scoring = sp.GetRequiredService<IOptions<ScoringOptions>>().Value,
            Lifecycle = sp.GetRequiredService<IOptions<LifecycleOptions>>().Value,
            Marketing = sp.GetRequiredService<IOptions<MarketingOptions>>().Value,
            Billing = sp.GetRequiredService<IOptions<BillingOptions>>().Value,
            Segments = sp.GetRequiredService<IOptions<SegmentsOptions>>().Value,
        });
        services.TryAddSingleton(sp => new DecisionEngine(sp.GetRequiredService<DecisionSettings>()));
        return services;
    }
}
