namespace SyncBridge.Core.Sync.Reporting;

/// <summary>A person's latest decision, for the status page's "recent decisions" (newest change first).</summary>
public sealed record RecentDecision(
    string PersonId,
    string Stage,
    bool Marketing,
    IReadOnlyList<string> ReasonCodes,
    double Score,
    bool Hot,
    DateTimeOffset DecidedAt,
    long Version,
    DateTimeOffset? ChangedAt);
