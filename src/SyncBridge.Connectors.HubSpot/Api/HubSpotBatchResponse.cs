namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>
/// Result of a batch call: 200 when every input succeeded, 207 with <see cref="Errors"/> when some failed.
/// Every field is optional on the wire.
/// </summary>
internal sealed record HubSpotBatchResponse
{
    public string? Status { get; init; }

    public IReadOnlyList<HubSpotObject>? Results { get; init; }

    public int? NumErrors { get; init; }

    public IReadOnlyList<HubSpotBatchError>? Errors { get; init; }
}

/// <summary>
/// One failure of a batch: <see cref="Context"/> usually names the failing inputs under <c>ids</c>
/// (or the property under <c>propertyName</c>).
/// </summary>
internal sealed record HubSpotBatchError
{
    public string? Status { get; init; }

    public string? Category { get; init; }

    public string? SubCategory { get; init; }

    public string? Message { get; init; }

    public string? Id { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Context { get; init; }
}
