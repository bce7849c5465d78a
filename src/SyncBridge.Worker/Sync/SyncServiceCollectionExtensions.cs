using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.HubSpot;
using SyncBridge.Connectors.Salesforce;
using SyncBridge.Core.Sync;
using SyncBridge.Worker.DropFolder;

namespace SyncBridge.Worker.Sync;

/// <summary>The connectors that are configured or simulated, the CSV drop folder when configured, and the engine's intake.</summary>
internal static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services, IConfiguration configuration, ConnectorSelection selection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.HubSpotConfigured || selection.SimulateHubSpot)
        {
            services.AddHubSpot(configuration);
        }

        if (selection.SalesforceConfigured || selection.SimulateSalesforce)
        {
            services.AddSalesforce(configuration);
        }

        services.AddDropFolder(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SchedulerOptions>, SchedulerSourcesPostConfigure>());
        services.TryAddSingleton<SourceIngestor>();
        return services;
    }
}
