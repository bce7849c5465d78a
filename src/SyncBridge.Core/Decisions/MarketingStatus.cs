namespace SyncBridge.Core.Decisions;

/// <summary>HubSpot marketing-contact status decided for a person.</summary>
public enum MarketingStatus
{
    NonMarketing = 0,
    Marketing,
}

public static class MarketingStatusNames
{
    /// <summary><c>marketing</c> or <c>non_marketing</c>.</summary>
    public static string ToWireName(this MarketingStatus status) =>
        status == MarketingStatus.Marketing ? "marketing" : "non_marketing";
}
