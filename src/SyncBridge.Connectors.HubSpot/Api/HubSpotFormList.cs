namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>A page of <c>GET /marketing/v3/forms</c>: the portal's forms, <c>after</c> paging.</summary>
public sealed record HubSpotFormList(IReadOnlyList<HubSpotFormSummary>? Results, HubSpotPaging? Paging);

/// <summary>One form: its GUID (<see cref="Id"/>) and name; every other field is ignored.</summary>
public sealed record HubSpotFormSummary(string? Id, string? Name)
{
    public bool Archived { get; init; }
}
