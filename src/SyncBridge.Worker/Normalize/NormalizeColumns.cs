namespace SyncBridge.Worker.Normalize;

/// <summary>The column names of the <c>normalize</c> contract (README, "normalize").</summary>
internal static class NormalizeColumns
{
    public const string Source = "source";
    public const string SourceId = "source_id";
    public const string Email = "email";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string FullName = "full_name";
    public const string Phone = "phone";
    public const string Mobile = "mobile";
    public const string Company = "company";
    public const string Website = "website";
    public const string Title = "title";
    public const string Department = "department";
    public const string Country = "country";

    /// <summary>Appended after every input column, in this order.</summary>
    public static readonly IReadOnlyList<string> Output =
    [
        "email_normalized", "email_valid", "email_match_key", "phone_e164", "phone_extension", "phone_valid",
        "mobile_e164", "mobile_valid", "family_name", "given_name", "company_key", "company_domain",
        "country_code", "seniority", "department_normalized", "person_id",
    ];
}
