namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Body of <c>POST …/contacts/search</c> (≤ 6 filter groups, ≤ 200 per page).</summary>
internal sealed record HubSpotSearchRequest
{
    public IReadOnlyList<HubSpotFilterGroup> FilterGroups { get; init; } = [];

    public IReadOnlyList<HubSpotSort> Sorts { get; init; } = [];

    public IReadOnlyList<string> Properties { get; init; } = [];

    public int Limit { get; init; } = 100;

    /// <summary>Paging token (an offset into the result set); null for the first page.</summary>
    public string? After { get; init; }
}

/// <summary>Filters ANDed together; groups are ORed.</summary>
internal sealed record HubSpotFilterGroup(IReadOnlyList<HubSpotFilter> Filters);

/// <summary>One filter: EQ, NEQ, LT, LTE, GT, GTE, BETWEEN (Value..HighValue), IN, HAS_PROPERTY, ….</summary>
internal sealed record HubSpotFilter(string PropertyName, string Operator, string? Value = null)
{
    public string? HighValue { get; init; }
}

/// <summary>A sort: <c>ASCENDING</c> or <c>DESCENDING</c>.</summary>
internal sealed record HubSpotSort(string PropertyName, string Direction);
