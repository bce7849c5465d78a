namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>The <c>policyName</c> of a HubSpot 429.</summary>
public enum HubSpotRateLimitPolicy
{
    Unknown = 0,
    TenSecondlyRolling,
    Secondly,
    Daily,
}
