namespace SyncBridge.Core.Contacts;

/// <summary>
/// One person as one record, whatever system it came from. Sources map their records to this shape;
/// identity resolution merges several of them into one person; decisions read it.
/// Immutable: change it with <c>with</c>.
/// </summary>
public sealed record CanonicalContact
{
    /// <summary>The record this contact was read from.</summary>
    public SourceRef Source { get; init; }

    /// <summary>Every record known to describe this person (HubSpot contact id, Salesforce Lead / Contact id, …).</summary>
    public IReadOnlyList<SourceRef> Identities { get; init; } = [];

    // Person
    public string FamilyName { get; init; } = string.Empty;
    public string GivenName { get; init; } = string.Empty;
    public EmailAddress Email { get; init; } = EmailAddress.Empty;
    public PhoneNumber Phone { get; init; } = PhoneNumber.Empty;
    public PhoneNumber Mobile { get; init; } = PhoneNumber.Empty;
    public string Title { get; init; } = string.Empty;
    public Seniority Seniority { get; init; }
    public string DepartmentText { get; init; } = string.Empty;
    public Department Department { get; init; }

    /// <summary>ISO 3166-1 alpha-2, or empty when unknown.</summary>
    public string CountryCode { get; init; } = string.Empty;

    public IReadOnlyList<string> SocialProfiles { get; init; } = [];

    public Company Company { get; init; } = Company.Empty;
    public Acquisition Acquisition { get; init; } = Acquisition.Unknown;

    /// <summary>Push reactions, pull interactions and web behaviour, in any order.</summary>
    public IReadOnlyList<Activity> Activities { get; init; } = [];

    public DateTimeOffset? LastVisitAt { get; init; }
    public IReadOnlyList<Deal> Deals { get; init; } = [];
    public Consent Consent { get; init; } = Consent.Unknown;

    /// <summary>The stage the source holds, or null when it has none.</summary>
    public LifecycleStage? LifecycleStage { get; init; }

    /// <summary>Sales' own status for the record (e.g. Salesforce Lead Status), used for sales-qualified.</summary>
    public string SalesStatus { get; init; } = string.Empty;

    /// <summary>HubSpot's current marketing-contact status (<c>hs_marketable_status</c>), null when unknown.</summary>
    public bool? HubSpotMarketable { get; init; }

    /// <summary>When the record last changed in its source (HubSpot lastmodifieddate, Salesforce SystemModstamp).</summary>
    public DateTimeOffset? SourceModifiedAt { get; init; }

    /// <summary>Per property name (see <see cref="ContactProperties"/>): which source it came from and when it last changed there.</summary>
    public IReadOnlyDictionary<string, PropertyProvenance> Provenance { get; init; } = EmptyProvenance;

    /// <summary>Source fields that have no canonical home (custom fields), passed through by name.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra;

    private static readonly IReadOnlyDictionary<string, PropertyProvenance> EmptyProvenance = new Dictionary<string, PropertyProvenance>();
    private static readonly IReadOnlyDictionary<string, string> EmptyExtra = new Dictionary<string, string>();
}
