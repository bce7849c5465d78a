namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>
/// The keys of the Lead / Contact field maps (<c>SyncBridge:Salesforce:LeadFields</c> / <c>ContactFields</c>).
/// Any other key maps a custom field into <c>CanonicalContact.Extra</c> under that key.
/// </summary>
internal static class SalesforceFieldKeys
{
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Mobile = "mobile";
    public const string Company = "company";
    public const string Website = "website";
    public const string Title = "title";
    public const string Department = "department";
    public const string Country = "country";
    public const string LeadSource = "lead_source";
    public const string Status = "status";
    public const string Rating = "rating";
    public const string Industry = "industry";
    public const string EmployeeCount = "employee_count";
    public const string OptedOut = "opted_out";
    public const string Bounced = "bounced";
    public const string BounceReason = "bounce_reason";
    public const string BounceDate = "bounce_date";
    public const string Owner = "owner";

    public static readonly IReadOnlyDictionary<string, string> LeadDefaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FirstName] = "FirstName",
        [LastName] = "LastName",
        [Email] = "Email",
        [Phone] = "Phone",
        [Mobile] = "MobilePhone",
        [Company] = "Company",
        [Website] = "Website",
        [Title] = "Title",
        [Country] = "Country",
        [LeadSource] = "LeadSource",
        [Status] = "Status",
        [Rating] = "Rating",
        [Industry] = "Industry",
        [EmployeeCount] = "NumberOfEmployees",
        [OptedOut] = "HasOptedOutOfEmail",
        [BounceReason] = "EmailBouncedReason",
        [BounceDate] = "EmailBouncedDate",
        [Owner] = "OwnerId",
    };

    public static readonly IReadOnlyDictionary<string, string> ContactDefaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FirstName] = "FirstName",
        [LastName] = "LastName",
        [Email] = "Email",
        [Phone] = "Phone",
        [Mobile] = "MobilePhone",
        [Company] = "Account.Name",
        [Website] = "Account.Website",
        [Title] = "Title",
        [Department] = "Department",
        [Country] = "MailingCountry",
        [LeadSource] = "LeadSource",
        [Industry] = "Account.Industry",
        [EmployeeCount] = "Account.NumberOfEmployees",
        [OptedOut] = "HasOptedOutOfEmail",
        [Bounced] = "IsEmailBounced",
        [BounceReason] = "EmailBouncedReason",
        [BounceDate] = "EmailBouncedDate",
        [Owner] = "OwnerId",
    };
}
