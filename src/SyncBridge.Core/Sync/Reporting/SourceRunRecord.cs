namespace SyncBridge.Core.Sync.Reporting;

/// <summary>One run of one source, as the status page shows it: when, how much, and why it failed or stopped (empty when it did not).</summary>
public sealed record SourceRunRecord(
    string Source,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Pages,
    int Records,
    int RecordErrors,
    string Error);
