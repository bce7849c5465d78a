namespace SyncBridge.Core.Sync.Reporting;

/// <summary>
/// A source as the state store knows it: its cursor (how far it has read) and its last run. A source that has a
/// cursor but never ran under this store's run log (older stores) has null run fields.
/// </summary>
public sealed record SourceStatus
{
    public required string Source { get; init; }

    /// <summary>The modification time the cursor has reached (null before the first page).</summary>
    public DateTimeOffset? CursorTimestamp { get; init; }

    /// <summary>The last record id at the cursor.</summary>
    public string CursorRecordId { get; init; } = string.Empty;

    public DateTimeOffset? LastStartedAt { get; init; }

    public DateTimeOffset? LastFinishedAt { get; init; }

    /// <summary>When a run last finished without error.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    public int LastPages { get; init; }

    public int LastRecords { get; init; }

    public int LastRecordErrors { get; init; }

    /// <summary>The last run's error or stop reason; empty when it succeeded.</summary>
    public string LastError { get; init; } = string.Empty;

    public long Runs { get; init; }

    /// <summary>Records read over every run.</summary>
    public long TotalRecords { get; init; }

    /// <summary>How far the source is behind at <paramref name="now"/>: now minus the cursor's time (never negative); null before the first page.</summary>
    public TimeSpan? LagAt(DateTimeOffset now) =>
        CursorTimestamp is { } at ? (now > at ? now - at : TimeSpan.Zero) : null;
}
