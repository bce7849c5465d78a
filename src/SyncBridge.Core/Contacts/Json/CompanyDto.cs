namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of a <see cref="Contacts.Company"/>.</summary>
internal sealed class CompanyDto
{
    public string? Name { get; set; }
    public string? Key { get; set; }
    public string? Domain { get; set; }
    public string? Industry { get; set; }
    public int? EmployeeCount { get; set; }
    public int? FiscalYearEndMonth { get; set; }
    public bool? HasAccount { get; set; }
}
