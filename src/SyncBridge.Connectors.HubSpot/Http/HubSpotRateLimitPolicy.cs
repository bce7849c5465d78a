namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>The <c>policyName</c> of a HubSpot 429.</summary>
public enum HubSpotRateLimitPolicy
{
    Unknown = 0,
    TenSecondlyRolling,
    Secondly,
    Daily,
}

internal static class HubSpotRateLimitPolicyNames
{
    public static HubSpotRateLimitPolicy Parse(string? policyName) => policyName?.Trim().ToUpperInvariant() switch
    {
        "TEN_SECONDLY_ROLLING" => HubSpotRateLimitPolicy.TenSecondlyRolling,
        "SECONDLY" => HubSpotRateLimitPolicy.Secondly,
        "DAILY" => HubSpotRateLimitPolicy.Daily,
        _ => HubSpotRateLimitPolicy.Unknown,
    };

    public static string ToTag(this HubSpotRateLimitPolicy policy) => policy switch
    {
        HubSpotRateLimitPolicy.TenSecondlyRolling => "TEN_SECONDLY_ROLLING",
        HubSpotRateLimitPolicy.Secondly => "SECONDLY",
        HubSpotRateLimitPolicy.Daily => "DAILY",
        _ => "UNKNOWN",
    };
}
