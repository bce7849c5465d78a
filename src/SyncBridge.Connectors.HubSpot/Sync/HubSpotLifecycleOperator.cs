using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.HubSpot.Sync;

internal sealed class HubSpotLifecycleOperator(HubSpotContactSink sink, HubSpotAccountContext account, ILogger<HubSpotLifecycleOperator> logger)
    : IHubSpotLifecycleOperator
{
    public async Task<WriteResult> MoveBackwardAsync(string contactId, LifecycleStage stage, string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var target = new SourceRef(SourceSystem.HubSpot, "contact", contactId);
        var clear = new ContactUpdate(personId, target, new Dictionary<string, string>(StringComparer.Ordinal) { [HubSpotContactProperties.LifecycleStage] = string.Empty }, 0);
        var cleared = (await sink.WriteBatchAsync([clear], cancellationToken, writeVersion: false).ConfigureAwait(false))[0];
        if (cleared.Outcome != WriteOutcome.Applied)
        {
            return cleared;
        }

        var set = new ContactUpdate(personId, target, new Dictionary<string, string>(StringComparer.Ordinal) { [HubSpotContactProperties.LifecycleStage] = stage.ToWireName() }, 0);
        var result = (await sink.WriteBatchAsync([set], cancellationToken, writeVersion: false).ConfigureAwait(false))[0];
        var wireName = stage.ToWireName();
        if (result.Outcome == WriteOutcome.Applied)
        {
            Log.LifecycleMovedBack(logger, account.Name, contactId, wireName);
        }

        return result;
    }
}
