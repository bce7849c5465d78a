namespace SyncBridge.Core.Contacts;

/// <summary>
/// The canonical property names: keys of <see cref="CanonicalContact.Provenance"/>, of merge-policy
/// configuration and of conflicts.
/// </summary>
public static class ContactProperties
{
    public const string FamilyName = "family_name";
    public const string GivenName = "given_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Mobile = "mobile";
    public const string Title = "title";
    public const string Department = "department";
    public const string Country = "country";
    public const string CompanyName = "company";
    public const string CompanyDomain = "company_domain";
    public const string Industry = "industry";
    public const string EmployeeCount = "employee_count";
    public const string LifecycleStage = "lifecycle_stage";
    public const string UnsubscribedFromAll = "unsubscribed";
    public const string HardBounced = "hard_bounced";
    public const string ConsentState = "consent";

    public static readonly IReadOnlyList<string> All =
    [
        FamilyName, GivenName, Email, Phone, Mobile, Title, Department, Country, CompanyName, CompanyDomain,
        Industry, EmployeeCount, LifecycleStage, UnsubscribedFromAll, HardBounced, ConsentState,
    ];
}
