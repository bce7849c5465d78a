using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// What one person's decision changes in one target record: <paramref name="Snapshot"/> is every property SyncBridge
/// now wants the record to hold (kept as the last-written snapshot), <paramref name="Changed"/> the ones that differ
/// from the previous snapshot (what the update message carries). Names are in the target's vocabulary.
/// </summary>
public sealed record TargetChange(SourceRef Target, IReadOnlyDictionary<string, string> Snapshot, IReadOnlyDictionary<string, string> Changed);
