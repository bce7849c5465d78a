using System.Text.Json.Serialization;

namespace SyncBridge.Core.Sync.Queue;

/// <summary>The JSON shape of an update message (schema 1). Nullable everywhere so a missing field can be named.</summary>
internal sealed class UpdateMessageDocument
{
    [JsonPropertyName("schema")]
    public int? Schema { get; set; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("personKey")]
    public string? PersonKey { get; set; }

    [JsonPropertyName("target")]
    public UpdateTargetDocument? Target { get; set; }

    [JsonPropertyName("version")]
    public long? Version { get; set; }

    [JsonPropertyName("properties")]
    public Dictionary<string, string?>? Properties { get; set; }
}
