namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>A contact read off the wire and checked: numeric id, properties, last-modified instant.</summary>
internal sealed record HubSpotContactRecord(
    string Id,
    long NumericId,
    IReadOnlyDictionary<string, string?> Properties,
    DateTimeOffset LastModified,
    bool Archived,
    DateTimeOffset? ArchivedAt)
{
    public string? Get(string name) => Properties.TryGetValue(name, out var value) ? value : null;
}
