using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>Body of an sObject Collections update / upsert: at most 200 records, each with <c>attributes.type</c>.</summary>
internal sealed record SalesforceCollectionRequest
{
    [JsonPropertyName("allOrNone")]
    public bool AllOrNone { get; init; }

    [JsonPropertyName("records")]
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Records { get; init; } = [];
}
