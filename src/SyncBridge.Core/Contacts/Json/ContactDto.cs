using System.Text.Json.Serialization;

namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of a <see cref="CanonicalContact"/> (version 1). Empty texts and empty parts are left out.</summary>
internal sealed class ContactDto
{
    [JsonPropertyName("v")]
    public int Version { get; set; }

    public SourceRefDto? Source { get; set; }
    public IReadOnlyList<SourceRefDto>? Identities { get; set; }
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public EmailDto? Email { get; set; }
    public PhoneDto? Phone { get; set; }
    public PhoneDto? Mobile { get; set; }
    public string? Title { get; set; }
    public Seniority Seniority { get; set; }
    public string? DepartmentText { get; set; }
    public Department Department { get; set; }
    public string? CountryCode { get; set; }
    public IReadOnlyList<string>? SocialProfiles { get; set; }
    public CompanyDto? Company { get; set; }
    public AcquisitionDto? Acquisition { get; set; }
    public IReadOnlyList<ActivityDto>? Activities { get; set; }
    public DateTimeOffset? LastVisitAt { get; set; }
    public IReadOnlyList<DealDto>? Deals { get; set; }
    public ConsentDto? Consent { get; set; }
    public LifecycleStage? LifecycleStage { get; set; }
    public string? SalesStatus { get; set; }
    public bool? HubSpotMarketable { get; set; }
    public DateTimeOffset? SourceModifiedAt { get; set; }
    public IReadOnlyDictionary<string, ProvenanceDto>? Provenance { get; set; }
    public IReadOnlyDictionary<string, string>? Extra { get; set; }
}
