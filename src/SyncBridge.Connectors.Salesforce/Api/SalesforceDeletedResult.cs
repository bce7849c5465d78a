using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>Body of <c>GET /sobjects/{T}/deleted/?start&amp;end</c>. Dates use Salesforce's <c>+0000</c> offset form.</summary>
internal sealed record SalesforceDeletedResult
{
    [JsonPropertyName("deletedRecords")]
    public IReadOnlyList<SalesforceDeletedRecord> DeletedRecords { get; init; } = [];

    [JsonPropertyName("earliestDateAvailable")]
    public string? EarliestDateAvailable { get; init; }

    [JsonPropertyName("latestDateCovered")]
    public string? LatestDateCovered { get; init; }
}

internal sealed record SalesforceDeletedRecord
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("deletedDate")]
    public string? DeletedDate { get; init; }
}
