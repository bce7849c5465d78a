using System.Text.Json;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>A page of <c>POST …/contacts/search</c>; <see cref="Total"/> counts every match of the query.</summary>
internal sealed record HubSpotSearchResponse(int Total, IReadOnlyList<JsonElement>? Results, HubSpotPaging? Paging);
