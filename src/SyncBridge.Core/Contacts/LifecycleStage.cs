namespace SyncBridge.Core.Contacts;

/// <summary>
/// HubSpot's default lifecycle stages in their forward order. <see cref="Other"/> sits outside the order.
/// </summary>
public enum LifecycleStage
{
    Subscriber = 1,
    Lead = 2,
    MarketingQualifiedLead = 3,
    SalesQualifiedLead = 4,
    Opportunity = 5,
    Customer = 6,
    Evangelist = 7,
    Other = 100,
}

public static class LifecycleStageNames
{
    /// <summary>The internal value HubSpot uses for the stage (e.g. <c>marketingqualifiedlead</c>).</summary>
    public static string ToWireName(this LifecycleStage stage) => stage switch
    {
        LifecycleStage.Subscriber => "subscriber",
        LifecycleStage.Lead => "lead",
        LifecycleStage.MarketingQualifiedLead => "marketingqualifiedlead",
        LifecycleStage.SalesQualifiedLead => "salesqualifiedlead",
        LifecycleStage.Opportunity => "opportunity",
        LifecycleStage.Customer => "customer",
        LifecycleStage.Evangelist => "evangelist",
        _ => "other",
    };

    /// <summary>Parses a wire name; blank or unknown gives <c>false</c>.</summary>
    public static bool TryParse(string? value, out LifecycleStage stage)
    {
        stage = default;
        switch (value?.Trim().ToUpperInvariant())
        {
            case "SUBSCRIBER": stage = LifecycleStage.Subscriber; return true;
            case "LEAD": stage = LifecycleStage.Lead; return true;
            case "MARKETINGQUALIFIEDLEAD" or "MQL": stage = LifecycleStage.MarketingQualifiedLead; return true;
            case "SALESQUALIFIEDLEAD" or "SQL": stage = LifecycleStage.SalesQualifiedLead; return true;
            case "OPPORTUNITY": stage = LifecycleStage.Opportunity; return true;
            case "CUSTOMER": stage = LifecycleStage.Customer; return true;
            case "EVANGELIST": stage = LifecycleStage.Evangelist; return true;
            case "OTHER": stage = LifecycleStage.Other; return true;
            default: return false;
        }
    }

    /// <summary>True when <paramref name="stage"/> takes part in the forward order (everything but Other).</summary>
    public static bool IsOrdered(this LifecycleStage stage) => stage != LifecycleStage.Other;
}
