using System.Globalization;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// How one configurable property is read as text (to compare and report) and copied from the record that wins.
/// Properties that travel together (title and seniority, department text and department, company name and key) are
/// copied together.
/// </summary>
internal sealed record MergeProperty(
    string Name,
    Func<CanonicalContact, string> Read,
    Func<CanonicalContact, CanonicalContact, CanonicalContact> Copy)
{
    public static readonly IReadOnlyList<MergeProperty> Configurable =
    [
        new(ContactProperties.FamilyName, c => c.FamilyName, (to, from) => to with { FamilyName = from.FamilyName }),
        new(ContactProperties.GivenName, c => c.GivenName, (to, from) => to with { GivenName = from.GivenName }),
        new(ContactProperties.Email, c => c.Email.IsEmpty ? c.Email.Original.Trim() : c.Email.Normalized, (to, from) => to with { Email = from.Email }),
        new(ContactProperties.Phone, c => ReadPhone(c.Phone), (to, from) => to with { Phone = from.Phone }),
        new(ContactProperties.Mobile, c => ReadPhone(c.Mobile), (to, from) => to with { Mobile = from.Mobile }),
        new(ContactProperties.Title, c => c.Title, (to, from) => to with { Title = from.Title, Seniority = from.Seniority }),
        new(
            ContactProperties.Department,
            c => c.DepartmentText.Length > 0 ? c.DepartmentText : c.Department.ToWireName(),
            (to, from) => to with { DepartmentText = from.DepartmentText, Department = from.Department }),
        new(ContactProperties.Country, c => c.CountryCode, (to, from) => to with { CountryCode = from.CountryCode }),
        new(
            ContactProperties.CompanyName,
            c => c.Company.Name,
            (to, from) => to with { Company = to.Company with { Name = from.Company.Name, Key = from.Company.Key } }),
        new(
            ContactProperties.CompanyDomain,
            c => c.Company.Domain,
            (to, from) => to with { Company = to.Company with { Domain = from.Company.Domain } }),
        new(
            ContactProperties.Industry,
            c => c.Company.Industry,
            (to, from) => to with { Company = to.Company with { Industry = from.Company.Industry } }),
        new(
            ContactProperties.EmployeeCount,
            c => c.Company.EmployeeCount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            (to, from) => to with { Company = to.Company with { EmployeeCount = from.Company.EmployeeCount } }),
    ];

    private static string ReadPhone(PhoneNumber phone) =>
        phone.IsValid && phone.E164.Length > 0
            ? (phone.Extension.Length > 0 ? phone.E164 + ";ext=" + phone.Extension : phone.E164)
            : phone.Original.Trim();
}
