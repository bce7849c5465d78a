using System.Text.Json;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>
/// A page of <c>GET …/contacts</c>. Records stay raw JSON so one malformed record cannot fail the page:
/// <see cref="HubSpotContactParser"/> reads each one and names the one it cannot read.
/// </summary>
internal sealed record HubSpotContactListResponse(IReadOnlyList<JsonElement>? Results, HubSpotPaging? Paging);
