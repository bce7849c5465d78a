using Refit;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Email subscription status (Communication Preferences v3).</summary>
public interface IHubSpotCommunicationPreferencesApi
{
    [Get("/communication-preferences/v3/status/email/{emailAddress}")]
    Task<HubSpotSubscriptionStatuses> GetEmailStatusAsync(string emailAddress, CancellationToken cancellationToken);
}
