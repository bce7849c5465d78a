using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// <see cref="IReportStore"/> in the PostgreSQL schema: a row per decision run (its summary as JSON), a row per source with
/// its last run, and the latest decisions ordered by when their version last moved.
/// </summary>
internal sealed class PostgresReportStore(PostgresStateStore store) : IReportStore
{
    public async Task SaveDecisionRunAsync(DecisionRunSummary run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("INSERT INTO decision_runs (as_of, summary) VALUES (@asOf, @summary);", connection);
            command.Parameters.AddWithValue("asOf", run.AsOf.ToUniversalTime());
            command.Parameters.AddWithValue("summary", JsonSerializer.Serialize(run, StorageJsonContext.Default.DecisionRunSummary));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<DecisionRunSummary>> ListDecisionRunsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var runs = new List<DecisionRunSummary>();
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                "SELECT summary FROM (SELECT id, summary FROM decision_runs ORDER BY id DESC LIMIT @max) AS latest ORDER BY id;", connection);
            command.Parameters.AddWithValue("max", max);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (JsonSerializer.Deserialize(reader.GetString(0), StorageJsonContext.Default.DecisionRunSummary) is { } run)
                {
                    runs.Add(run);
                }
            }
        }

        return runs;
    }

    public async Task SaveSourceRunAsync(SourceRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO source_runs (source, last_started_at, last_finished_at, last_success_at, pages, records, record_errors, error, runs, total_records)
                VALUES (@source, @started, @finished, @success, @pages, @records, @errors, @error, 1, @records)
                ON CONFLICT (source) DO UPDATE SET
                    last_started_at = excluded.last_started_at,
                    last_finished_at = excluded.last_finished_at,
                    last_success_at = COALESCE(excluded.last_success_at, source_runs.last_success_at),
                    pages = excluded.pages,
                    records = excluded.records,
                    record_errors = excluded.record_errors,
                    error = excluded.error,
                    runs = source_runs.runs + 1,
                    total_records = source_runs.total_records + excluded.records;
                """, connection);
            var finished = run.FinishedAt.ToUniversalTime();
            command.Parameters.AddWithValue("source", run.Source);
            command.Parameters.AddWithValue("started", run.StartedAt.ToUniversalTime());
            command.Parameters.AddWithValue("finished", finished);
            command.Parameters.AddWithValue("success", NpgsqlDbType.TimestampTz, run.Error.Length == 0 ? finished : DBNull.Value);
            command.Parameters.AddWithValue("pages", run.Pages);
            command.Parameters.AddWithValue("records", run.Records);
            command.Parameters.AddWithValue("errors", run.RecordErrors);
            command.Parameters.AddWithValue("error", run.Error);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<SourceStatus>> ListSourcesAsync(CancellationToken cancellationToken)
    {
        var sources = new List<SourceStatus>();
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("""
                SELECT n.source, c.timestamp_exact, c.record_id, r.last_started_at, r.last_finished_at, r.last_success_at,
                       r.pages, r.records, r.record_errors, r.error, r.runs, r.total_records
                FROM (SELECT source FROM cursors WHERE source <> @decisions UNION SELECT source FROM source_runs) n
                LEFT JOIN cursors c ON c.source = n.source
                LEFT JOIN source_runs r ON r.source = n.source
                ORDER BY n.source COLLATE "C";
                """, connection);
            command.Parameters.AddWithValue("decisions", PersonDecider.CursorName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sources.Add(ReportRows.Source(reader, Time));
            }
        }

        return sources;
    }

    public async Task<IReadOnlyList<RecentDecision>> ListRecentDecisionsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var decisions = new List<RecentDecision>();
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("""
                SELECT d.person_id, d.stage, d.marketing, d.reason_codes, d.score, d.hot, d.decided_at, COALESCE(v.version, 0), v.updated_at
                FROM decisions d LEFT JOIN decision_versions v ON v.person_id = d.person_id
                ORDER BY v.updated_at IS NULL, v.updated_at DESC, d.score DESC, d.person_id COLLATE "C"
                LIMIT @max;
                """, connection);
            command.Parameters.AddWithValue("max", max);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                decisions.Add(ReportRows.Decision(reader, Time));
            }
        }

        return decisions;
    }

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
