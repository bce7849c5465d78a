using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// What one person's decision changes in one target record: <paramref name="Snapshot"/> is every property SyncBridge
/// owns there and now wants the record to hold (kept as the last-written snapshot, and carried by the update message),
/// <paramref name="Changed"/> the ones that differ from the previous snapshot (an update is sent only when it is not
/// empty). Carrying the whole owned set keeps a record complete whichever version reaches it last: a consumer skips a
/// version older than one already applied, so an update holding only its own changes could be lost when a broker
/// without sessions hands out a person's updates out of order. Names are in the target's vocabulary.
/// </summary>
public sealed record TargetChange(SourceRef Target, IReadOnlyDictionary<string, string> Snapshot, IReadOnlyDictionary<string, string> Changed);
