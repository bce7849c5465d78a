namespace SyncBridge.Storage.Sqlite;

/// <summary>The JSON shape of one conflict candidate in <c>merge_conflicts.candidates</c>.</summary>
internal sealed record StoredCandidate(string Value, string System, string ObjectType, string Id, DateTimeOffset? ChangedAt);
