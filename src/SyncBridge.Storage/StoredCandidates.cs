using System.Text.Json;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage;

/// <summary>A merge conflict's candidates as the JSON both stores keep in <c>merge_conflicts.candidates</c>.</summary>
internal static class StoredCandidates
{
    public static string Serialize(IReadOnlyList<MergeCandidate> candidates) =>
        JsonSerializer.Serialize(
            candidates.Select(c => new StoredCandidate(c.Value, c.Source.System.ToName(), c.Source.ObjectType ?? string.Empty, c.Source.Id ?? string.Empty, c.ChangedAt)).ToList(),
            StorageJsonContext.Default.ListStoredCandidate);

    public static List<MergeCandidate> Deserialize(string json) =>
        (JsonSerializer.Deserialize(json, StorageJsonContext.Default.ListStoredCandidate) ?? [])
            .ConvertAll(c => new MergeCandidate(c.Value, new SourceRef(SourceSystemNames.Parse(c.System), c.ObjectType, c.Id), c.ChangedAt));
}
