using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Sync;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// First-run setup of the CRMs: creates SyncBridge's own HubSpot contact properties (group <c>syncbridge</c>) when
/// they are missing. Idempotent: a later run finds them and creates nothing.
/// </summary>
internal sealed partial class CrmBootstrapper(IServiceProvider services, ILogger<CrmBootstrapper> logger)
{
    /// <summary>The properties created now (empty when all existed or HubSpot is not configured).</summary>
    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<HubSpotPropertyBootstrapper>() is not { } hubSpot)
        {
            return [];
        }

        var created = await hubSpot.EnsurePropertiesAsync(cancellationToken).ConfigureAwait(false);
        if (created.Count > 0)
        {
            var names = string.Join(", ", created);
            Log.PropertiesCreated(logger, created.Count, names);
        }

        return created;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Created {Count} HubSpot properties: {Names}")]
        public static partial void PropertiesCreated(ILogger logger, int count, string names);
    }
}
