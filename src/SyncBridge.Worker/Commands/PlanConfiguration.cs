using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// Binds the five <c>SyncBridge:Decisions:*</c> sections and registers the decision engine with start-up
/// validation, so a bad threshold, list or tier stops the verb with a message naming the setting.
/// </summary>
internal static class PlanConfiguration
{
    public static void AddDecisionSettings(HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.SectionName));
        services.AddOptions<LifecycleOptions>().Bind(configuration.GetSection(LifecycleOptions.SectionName));
        services.AddOptions<MarketingOptions>().Bind(configuration.GetSection(MarketingOptions.SectionName));
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.SectionName));
        services.AddOptions<SegmentsOptions>().Bind(configuration.GetSection(SegmentsOptions.SectionName));
        services.AddDecisions();
    }
}
