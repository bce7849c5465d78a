using Microsoft.Data.Sqlite;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Storage.Sqlite;

/// <summary>Reads and writes <c>applied_updates</c> rows inside one transaction, with two prepared commands reused for every row.</summary>
internal sealed class AppliedUpdateLedger : IDisposable
{
    private readonly SqliteCommand _read;
    private readonly SqliteCommand _write;

    public AppliedUpdateLedger(SqliteConnection connection, SqliteTransaction? transaction)
    {
        _read = connection.CreateCommand();
        _read.Transaction = transaction;
        _read.CommandText = """
            SELECT applied_version, applied_message_id, applied_at, claim_consumer, claim_message_id, claim_until,
                   attempts, in_doubt, last_error
            FROM applied_updates WHERE system = $system AND object_type = $objectType AND record_id = $recordId;
            """;
        AddTargetParameters(_read);
        _read.Prepare();

        _write = connection.CreateCommand();
        _write.Transaction = transaction;
        _write.CommandText = """
            INSERT INTO applied_updates (system, object_type, record_id, applied_version, applied_message_id, applied_at,
                claim_consumer, claim_message_id, claim_until, attempts, in_doubt, last_error, updated_at)
            VALUES ($system, $objectType, $recordId, $appliedVersion, $appliedMessageId, $appliedAt,
                $claimConsumer, $claimMessageId, $claimUntil, $attempts, $inDoubt, $lastError, $now)
            ON CONFLICT (system, object_type, record_id) DO UPDATE SET
                applied_version = excluded.applied_version, applied_message_id = excluded.applied_message_id,
                applied_at = excluded.applied_at, claim_consumer = excluded.claim_consumer,
                claim_message_id = excluded.claim_message_id, claim_until = excluded.claim_until,
                attempts = excluded.attempts, in_doubt = excluded.in_doubt, last_error = excluded.last_error,
                updated_at = excluded.updated_at;
            """;
        AddTargetParameters(_write);
        foreach (var name in (string[])["$appliedVersion", "$appliedMessageId", "$appliedAt", "$claimConsumer", "$claimMessageId", "$claimUntil", "$attempts", "$inDoubt", "$lastError", "$now"])
        {
            _write.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _write.Prepare();
    }

    /// <summary>The target's row, or null when the target has none.</summary>
    public async Task<AppliedUpdateRow?> ReadAsync(SourceRef target, CancellationToken cancellationToken)
    {
        SetTarget(_read, target);
        using var reader = await _read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new AppliedUpdateRow(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : StoredTime.Parse(reader.GetString(5)),
            reader.GetInt32(6),
            reader.GetInt64(7) != 0,
            reader.GetString(8));
    }

    public async Task WriteAsync(SourceRef target, AppliedUpdateRow row, string now, CancellationToken cancellationToken)
    {
        SetTarget(_write, target);
        var parameters = _write.Parameters;
        parameters["$appliedVersion"].Value = row.AppliedVersion;
        parameters["$appliedMessageId"].Value = (object?)row.AppliedMessageId ?? DBNull.Value;
        parameters["$appliedAt"].Value = (object?)row.AppliedAt ?? DBNull.Value;
        parameters["$claimConsumer"].Value = (object?)row.ClaimConsumer ?? DBNull.Value;
        parameters["$claimMessageId"].Value = (object?)row.ClaimMessageId ?? DBNull.Value;
        parameters["$claimUntil"].Value = row.ClaimUntil is { } until ? StoredTime.Format(until.ToUniversalTime()) : DBNull.Value;
        parameters["$attempts"].Value = row.Attempts;
        parameters["$inDoubt"].Value = row.InDoubt ? 1 : 0;
        parameters["$lastError"].Value = row.LastError;
        parameters["$now"].Value = now;
        await _write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _read.Dispose();
        _write.Dispose();
    }

    private static void AddTargetParameters(SqliteCommand command)
    {
        command.Parameters.Add(new SqliteParameter { ParameterName = "$system" });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$objectType" });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$recordId" });
    }

    private static void SetTarget(SqliteCommand command, SourceRef target)
    {
        command.Parameters["$system"].Value = target.System.ToName();
        command.Parameters["$objectType"].Value = target.ObjectType ?? string.Empty;
        command.Parameters["$recordId"].Value = target.Id ?? string.Empty;
    }
}
