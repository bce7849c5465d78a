namespace SyncBridge.Simulators.Seeding;

/// <summary>
/// A fictional human the simulators seed from. Each simulator formats the same person its own way
/// (HubSpot contact, Salesforce Lead or Contact), so identity resolution has real work to do.
/// </summary>
public sealed record SyntheticPerson
{
    public required int Index { get; init; }
    public required bool Japanese { get; init; }
    public required string FamilyName { get; init; }
    public required string GivenName { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string Mobile { get; init; }
    public required string Company { get; init; }
    public required string CompanyDomain { get; init; }
    public required string Title { get; init; }
    public required string Department { get; init; }
    public required string Country { get; init; }
    public required string Industry { get; init; }
    public required int EmployeeCount { get; init; }
    public required bool UnsubscribedFromAll { get; init; }
    public required bool HardBounced { get; init; }

    /// <summary>Activity the person has shown, newest last: (type wire name, when, detail).</summary>
    public required IReadOnlyList<SyntheticActivity> Activities { get; init; }
}

/// <summary>One event of a synthetic person; <see cref="Type"/> uses the activity wire names (email_open, page_view, …).</summary>
public sealed record SyntheticActivity(string Type, DateTimeOffset OccurredAt, string Detail);
