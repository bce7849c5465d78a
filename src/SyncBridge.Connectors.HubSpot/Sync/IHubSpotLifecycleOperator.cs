using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// The explicit operator action that moves a contact's lifecycle stage backward. HubSpot refuses a backward
/// move in one write: the stage is cleared, then set, in two requests.
/// </summary>
public interface IHubSpotLifecycleOperator
{
    Task<WriteResult> MoveBackwardAsync(string contactId, LifecycleStage stage, string personId, CancellationToken cancellationToken);
}
