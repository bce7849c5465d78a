namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Body of the batch endpoints: <c>{"inputs": [...]}</c> (100 per call).</summary>
internal sealed record HubSpotBatchInput<T>(IReadOnlyList<T> Inputs);

/// <summary>One input of batch update / upsert. <see cref="IdProperty"/> is "email" for upsert by email.</summary>
internal sealed record HubSpotObjectInput(string Id, IReadOnlyDictionary<string, string> Properties)
{
    public string? IdProperty { get; init; }
}

/// <summary>One id of batch read.</summary>
internal sealed record HubSpotObjectId(string Id);

/// <summary>Body of batch read: ids plus the properties to return.</summary>
internal sealed record HubSpotBatchReadRequest(IReadOnlyList<HubSpotObjectId> Inputs, IReadOnlyList<string> Properties)
{
    public string? IdProperty { get; init; }
}
