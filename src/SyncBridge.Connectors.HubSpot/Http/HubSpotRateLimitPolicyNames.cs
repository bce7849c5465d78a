namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>Parses and names the <c>policyName</c> values of HubSpot's 429 body.</summary>
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
