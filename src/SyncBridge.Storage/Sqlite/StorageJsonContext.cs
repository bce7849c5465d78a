using System.Text.Json.Serialization;

namespace SyncBridge.Storage.Sqlite;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<StoredCandidate>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
