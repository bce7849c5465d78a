using System.Text.Json.Serialization;

namespace SyncBridge.Storage.Sqlite;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<StoredCandidate>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
