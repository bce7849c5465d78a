namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>Values the handlers attach to a request for the resilience pipeline to read.</summary>
internal static class HubSpotRequestOptions
{
    /// <summary>The policyName of the 429 the attempt received.</summary>
    public static readonly HttpRequestOptionsKey<HubSpotRateLimitPolicy> RateLimitPolicy = new("SyncBridge.HubSpot.RateLimitPolicy");
}
