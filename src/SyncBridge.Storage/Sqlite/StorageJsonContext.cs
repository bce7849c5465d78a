using System.Text.Json.Serialization;

namespace SyncBridge.Storage.Sqlite;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<StoredCandidate>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(SyncBridge.Core.Sync.Reporting.DecisionRunSummary))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
