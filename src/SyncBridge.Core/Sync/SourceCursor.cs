namespace SyncBridge.Core.Sync;

/// <summary>
/// Where a source's incremental read stands: the last (timestamp, id) processed. Ties on the timestamp are
/// broken by <see cref="Id"/> (ordinal), so a page boundary inside a run of equal timestamps is never lost or
/// re-read forever. <see cref="State"/> is opaque to the engine: a source keeps its own window state there.
/// </summary>
public sealed record SourceCursor(DateTimeOffset Timestamp, string Id, string State = "")
{
    /// <summary>True when a record at (<paramref name="timestamp"/>, <paramref name="id"/>) comes after this cursor.</summary>
    public bool IsBefore(DateTimeOffset timestamp, string id)
    {
        var byTime = timestamp.CompareTo(Timestamp);
        return byTime > 0 || (byTime == 0 && string.CompareOrdinal(id, Id) > 0);
    }
}
