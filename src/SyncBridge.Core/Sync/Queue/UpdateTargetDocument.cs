using System.Text.Json.Serialization;

namespace SyncBridge.Core.Sync.Queue;

/// <summary>The JSON shape of an update message's target record.</summary>
internal sealed class UpdateTargetDocument
{
    [JsonPropertyName("system")]
    public string? System { get; set; }

    [JsonPropertyName("objectType")]
    public string? ObjectType { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}
