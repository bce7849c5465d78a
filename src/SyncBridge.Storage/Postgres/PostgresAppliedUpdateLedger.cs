using Npgsql;
using NpgsqlTypes;
using SyncBridge.Core.Contacts;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// Reads and writes <c>applied_updates</c> rows inside one transaction. <see cref="LockAsync"/> takes the targets' row locks
/// (<c>SELECT … FOR UPDATE</c>, in key order so concurrent callers cannot deadlock), first inserting empty rows for missing
/// targets when asked (<c>INSERT … ON CONFLICT DO NOTHING</c>: a concurrent inserter waits for the first one's commit), so a
/// claim in another process waits for this transaction and then sees its outcome. <see cref="WriteAsync"/> writes the changed
/// rows in one round trip.
/// </summary>
internal sealed class PostgresAppliedUpdateLedger(NpgsqlConnection connection, NpgsqlTransaction? transaction, DateTimeOffset now)
{
    public static (string System, string ObjectType, string RecordId) Key(SourceRef target) =>
        (target.System.ToName(), target.ObjectType ?? string.Empty, target.Id ?? string.Empty);

    /// <summary>The rows of <paramref name="targets"/> that exist (or all, after creating the missing ones), locked when in a transaction.</summary>
    public async Task<Dictionary<(string System, string ObjectType, string RecordId), AppliedUpdateRow>> LockAsync(
        IEnumerable<SourceRef> targets, bool createMissing, CancellationToken cancellationToken)
    {
        var keys = targets.Select(Key).Distinct().ToList();
        var rows = new Dictionary<(string System, string ObjectType, string RecordId), AppliedUpdateRow>();
        if (keys.Count == 0)
        {
            return rows;
        }

        var systems = keys.Select(k => k.System).ToArray();
        var objectTypes = keys.Select(k => k.ObjectType).ToArray();
        var recordIds = keys.Select(k => k.RecordId).ToArray();
        if (createMissing)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO applied_updates (system, object_type, record_id, updated_at)
                SELECT system, object_type, record_id, @now FROM unnest(@systems, @objectTypes, @recordIds) AS u(system, object_type, record_id)
                ORDER BY system COLLATE "C", object_type COLLATE "C", record_id COLLATE "C"
                ON CONFLICT (system, object_type, record_id) DO NOTHING;
                """, connection, transaction);
            AddKeys(insert, systems, objectTypes, recordIds);
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var select = new NpgsqlCommand(
            """
            SELECT a.system, a.object_type, a.record_id, a.applied_version, a.applied_message_id, a.applied_at, a.claim_consumer,
                   a.claim_message_id, a.claim_until, a.attempts, a.in_doubt, a.last_error
            FROM applied_updates a
            JOIN unnest(@systems, @objectTypes, @recordIds) AS u(system, object_type, record_id)
                ON a.system = u.system AND a.object_type = u.object_type AND a.record_id = u.record_id
            ORDER BY a.system COLLATE "C", a.object_type COLLATE "C", a.record_id COLLATE "C"
            """ + (transaction is null ? ";" : " FOR UPDATE OF a;"),
            connection,
            transaction);
        AddKeys(select, systems, objectTypes, recordIds);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = new AppliedUpdateRow(
                reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : StoredTime.Format(reader.GetFieldValue<DateTimeOffset>(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetInt32(9),
                reader.GetBoolean(10),
                reader.GetString(11));
        }

        return rows;
    }

    /// <summary>Writes the given rows (which exist and are locked by this transaction) in one batch.</summary>
    public async Task WriteAsync(IReadOnlyDictionary<(string System, string ObjectType, string RecordId), AppliedUpdateRow> changed, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var ((system, objectType, recordId), row) in changed)
        {
            var command = new NpgsqlBatchCommand("""
                UPDATE applied_updates SET applied_version = @appliedVersion, applied_message_id = @appliedMessageId,
                    applied_at = @appliedAt, claim_consumer = @claimConsumer, claim_message_id = @claimMessageId,
                    claim_until = @claimUntil, attempts = @attempts, in_doubt = @inDoubt, last_error = @lastError, updated_at = @now
                WHERE system = @system AND object_type = @objectType AND record_id = @recordId;
                """);
            var parameters = command.Parameters;
            parameters.AddWithValue("appliedVersion", row.AppliedVersion);
            parameters.AddWithValue("appliedMessageId", NpgsqlDbType.Text, (object?)row.AppliedMessageId ?? DBNull.Value);
            parameters.AddWithValue(
                "appliedAt", NpgsqlDbType.TimestampTz, row.AppliedAt is { } at ? StoredTime.Parse(at).ToUniversalTime() : DBNull.Value);
            parameters.AddWithValue("claimConsumer", NpgsqlDbType.Text, (object?)row.ClaimConsumer ?? DBNull.Value);
            parameters.AddWithValue("claimMessageId", NpgsqlDbType.Text, (object?)row.ClaimMessageId ?? DBNull.Value);
            parameters.AddWithValue("claimUntil", NpgsqlDbType.TimestampTz, row.ClaimUntil is { } until ? until.ToUniversalTime() : DBNull.Value);
            parameters.AddWithValue("attempts", row.Attempts);
            parameters.AddWithValue("inDoubt", row.InDoubt);
            parameters.AddWithValue("lastError", row.LastError ?? string.Empty);
            parameters.AddWithValue("now", now);
            parameters.AddWithValue("system", system);
            parameters.AddWithValue("objectType", objectType);
            parameters.AddWithValue("recordId", recordId);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddKeys(NpgsqlCommand command, string[] systems, string[] objectTypes, string[] recordIds)
    {
        command.Parameters.AddWithValue("systems", systems);
        command.Parameters.AddWithValue("objectTypes", objectTypes);
        command.Parameters.AddWithValue("recordIds", recordIds);
    }
}
