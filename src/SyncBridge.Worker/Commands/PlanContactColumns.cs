using SyncBridge.Core.Contacts;

namespace SyncBridge.Worker.Commands;

/// <summary>The columns <c>plan</c> reads from contacts.csv on top of the <c>normalize</c> ones, and how each parses.</summary>
internal static class PlanContactColumns
{
    public const string LifecycleStage = "lifecycle_stage";
    public const string EmailOptOut = "email_optout";
    public const string HardBounced = "hard_bounced";
    public const string Consent = "consent";
    public const string OpenOpportunity = "open_opportunity";
    public const string WonDeal = "won_deal";
    public const string HubSpotMarketable = "hubspot_marketable";

    /// <summary>Optional: the sales status (e.g. Salesforce Lead Status) that sales-qualified is read from.</summary>
    public const string SalesStatus = "sales_status";

    /// <summary>Optional: the company's industry (fit points).</summary>
    public const string Industry = "industry";

    /// <summary>Optional: the company's employee count (fit points).</summary>
    public const string EmployeeCount = "employee_count";

    /// <summary><c>true</c>/<c>false</c> (also yes/no, 1/0), empty = unknown; anything else is an error.</summary>
    public static bool TryParseBool(string value, out bool? result)
    {
        switch (value.Trim().ToUpperInvariant())
        {
            case "": result = null; return true;
            case "TRUE" or "YES" or "Y" or "1": result = true; return true;
            case "FALSE" or "NO" or "N" or "0": result = false; return true;
            default: result = null; return false;
        }
    }

    public static bool TryParseConsent(string value, out ConsentState state)
    {
        switch (value.Trim().ToUpperInvariant())
        {
            case "" or "UNKNOWN": state = ConsentState.Unknown; return true;
            case "GRANTED": state = ConsentState.Granted; return true;
            case "DENIED": state = ConsentState.Denied; return true;
            default: state = ConsentState.Unknown; return false;
        }
    }
}
