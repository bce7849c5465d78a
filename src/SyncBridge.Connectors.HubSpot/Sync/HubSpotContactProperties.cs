namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>HubSpot contact property names the connector reads and writes.</summary>
public static class HubSpotContactProperties
{
    public const string ObjectId = "hs_object_id";
    public const string LastModified = "lastmodifieddate";
    public const string CreateDate = "createdate";
    public const string Email = "email";
    public const string FirstName = "firstname";
    public const string LastName = "lastname";
    public const string Phone = "phone";
    public const string Mobile = "mobilephone";
    public const string Company = "company";
    public const string Website = "website";
    public const string JobTitle = "jobtitle";
    public const string Department = "department";
    public const string Country = "country";
    public const string Industry = "industry";
    public const string EmployeeCount = "numemployees";
    public const string LifecycleStage = "lifecyclestage";
    public const string EmailOptOut = "hs_email_optout";
    public const string HardBounceReason = "hs_email_hard_bounce_reason_enum";
    public const string BadAddress = "hs_email_bad_address";
    public const string Quarantined = "hs_email_quarantined";
    public const string LegalBasis = "hs_legal_basis";
    public const string MarketableStatus = "hs_marketable_status";
    public const string MarketableUntilRenewal = "hs_marketable_until_renewal";
    public const string LastEmailOpen = "hs_email_last_open_date";
    public const string LastEmailClick = "hs_email_last_click_date";
    public const string RecentConversion = "recent_conversion_date";
    public const string RecentConversionEvent = "recent_conversion_event_name";
    public const string LastVisit = "hs_analytics_last_visit_timestamp";

    /// <summary>Properties HubSpot's API refuses to write (marketing contact status is set by workflow, import or UI).</summary>
    public const string ReadOnlyMarketablePrefix = "hs_marketable_";

    /// <summary>What every read asks for.</summary>
    public static readonly IReadOnlyList<string> Read =
    [
        ObjectId, LastModified, CreateDate, Email, FirstName, LastName, Phone, Mobile, Company, Website, JobTitle,
        Department, Country, Industry, EmployeeCount, LifecycleStage, EmailOptOut, HardBounceReason, BadAddress,
        Quarantined, LegalBasis, MarketableStatus, MarketableUntilRenewal, LastEmailOpen, LastEmailClick,
        RecentConversion, RecentConversionEvent, LastVisit,
    ];
}
