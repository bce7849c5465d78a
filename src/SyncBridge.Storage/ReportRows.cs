using System.Data.Common;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Storage;

/// <summary>
/// The report store's rows as both stores select them, mapped once. Each store passes how it reads a time column
/// (SQLite keeps text, PostgreSQL timestamptz); a cursor's time is text in both.
/// </summary>
internal static class ReportRows
{
    /// <summary>
    /// Columns: source, cursor time (text), cursor record id, last started, last finished, last success, pages, records,
    /// record errors, error, runs, total records.
    /// </summary>
    public static SourceStatus Source(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset?> time) => new()
    {
        Source = reader.GetString(0),
        CursorTimestamp = reader.IsDBNull(1) ? null : StoredTime.Parse(reader.GetString(1)),
        CursorRecordId = reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
        LastStartedAt = time(reader, 3),
        LastFinishedAt = time(reader, 4),
        LastSuccessAt = time(reader, 5),
        LastPages = reader.IsDBNull(6) ? 0 : reader.GetInt32(6),
        LastRecords = reader.IsDBNull(7) ? 0 : reader.GetInt32(7),
        LastRecordErrors = reader.IsDBNull(8) ? 0 : reader.GetInt32(8),
        LastError = reader.IsDBNull(9) ? string.Empty : reader.GetString(9),
        Runs = reader.IsDBNull(10) ? 0 : reader.GetInt64(10),
        TotalRecords = reader.IsDBNull(11) ? 0 : reader.GetInt64(11),
    };

    /// <summary>Columns: person id, stage, marketing, reason codes, score, hot (0/1 or boolean), decided at, version, version updated at.</summary>
    public static RecentDecision Decision(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset?> time)
    {
        var reasons = reader.GetString(3);
        return new RecentDecision(
            reader.GetString(0),
            LifecycleStageNames.ToWireName((LifecycleStage)reader.GetInt32(1)),
            reader.GetInt32(2) == (int)MarketingStatus.Marketing,
            reasons.Length == 0 ? [] : reasons.Split(';'),
            reader.GetDouble(4),
            reader.GetBoolean(5),
            time(reader, 6) ?? throw new InvalidDataException("a decision without its time"),
            reader.GetInt64(7),
            time(reader, 8));
    }
}
