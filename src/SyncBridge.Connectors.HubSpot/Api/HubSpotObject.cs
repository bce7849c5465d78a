namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>A CRM object as batch endpoints return it (id, string-valued properties, timestamps).</summary>
internal sealed record HubSpotObject
{
    public string Id { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string?> Properties { get; init; } = new Dictionary<string, string?>();

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool Archived { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>Upsert only: true when the record was created.</summary>
    public bool? New { get; init; }
}
