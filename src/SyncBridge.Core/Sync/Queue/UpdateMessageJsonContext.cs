using System.Text.Json.Serialization;

namespace SyncBridge.Core.Sync.Queue;

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(UpdateMessageDocument))]
internal sealed partial class UpdateMessageJsonContext : JsonSerializerContext;
