namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Forward paging of a HubSpot collection: <c>paging.next.after</c> is the token of the next page.</summary>
public sealed record HubSpotPaging(HubSpotNextPage? Next);

public sealed record HubSpotNextPage(string? After, string? Link);
