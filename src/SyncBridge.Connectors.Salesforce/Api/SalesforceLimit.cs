using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>One entry of <c>GET /limits</c> (e.g. DailyApiRequests).</summary>
internal sealed record SalesforceLimit
{
    [JsonPropertyName("Max")]
    public long Max { get; init; }

    [JsonPropertyName("Remaining")]
    public long Remaining { get; init; }
}
