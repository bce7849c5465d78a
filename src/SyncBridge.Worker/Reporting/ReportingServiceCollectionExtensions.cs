using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncBridge.Worker.Reporting;

/// <summary>The status report read from the state store (and the queue when the host has one).</summary>
internal static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatusReportBuilder>();
        services.TryAddSingleton<ReportHtmlRenderer>();
        services.TryAddSingleton(new ReportJsonWriter());
        return services;
    }
}
