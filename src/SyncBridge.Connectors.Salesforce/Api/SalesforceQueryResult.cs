using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>A page of a SOQL query; records are kept raw because their fields follow the configured field map.</summary>
internal sealed record SalesforceQueryResult
{
    [JsonPropertyName("totalSize")]
    public int TotalSize { get; init; }

    [JsonPropertyName("done")]
    public bool Done { get; init; }

    [JsonPropertyName("nextRecordsUrl")]
    public string? NextRecordsUrl { get; init; }

    [JsonPropertyName("records")]
    public IReadOnlyList<JsonElement> Records { get; init; } = [];
}
