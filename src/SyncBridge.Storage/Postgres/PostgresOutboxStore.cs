using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// The transactional outbox (<see cref="IOutboxStore"/>) in the PostgreSQL schema: decisions, decision versions, target
/// snapshots and outbox rows, written together in one transaction by <see cref="CommitAsync"/> (see <see cref="PostgresOutboxWriter"/>).
/// </summary>
internal sealed class PostgresOutboxStore(PostgresStateStore store, TimeProvider timeProvider, ILogger logger) : IOutboxStore
{
    public async Task<IReadOnlyDictionary<SourceRef, IReadOnlyDictionary<string, string>>> GetSnapshotsAsync(
        IReadOnlyCollection<SourceRef> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var snapshots = new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>();
        if (targets.Count == 0)
        {
            return snapshots;
        }

        var wanted = new Dictionary<(string, string, string), SourceRef>();
        foreach (var target in targets)
        {
            wanted[(target.System.ToName(), target.ObjectType ?? string.Empty, target.Id ?? string.Empty)] = target;
        }

        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("""
                SELECT t.system, t.object_type, t.record_id, t.properties FROM target_snapshots t
                JOIN unnest(@systems, @objectTypes, @recordIds) AS u(system, object_type, record_id)
                    ON t.system = u.system AND t.object_type = u.object_type AND t.record_id = u.record_id;
                """, connection);
            command.Parameters.AddWithValue("systems", wanted.Keys.Select(k => k.Item1).ToArray());
            command.Parameters.AddWithValue("objectTypes", wanted.Keys.Select(k => k.Item2).ToArray());
            command.Parameters.AddWithValue("recordIds", wanted.Keys.Select(k => k.Item3).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var target = wanted[(reader.GetString(0), reader.GetString(1), reader.GetString(2))];
                snapshots[target] = JsonSerializer.Deserialize(reader.GetString(3), StorageJsonContext.Default.SortedDictionaryStringString)
                    ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
            }
        }

        return snapshots;
    }

    public async Task<IReadOnlyList<UpdateMessage>> CommitAsync(IReadOnlyList<PersonChangeSet> changeSets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeSets);
        if (changeSets.Count == 0)
        {
            return [];
        }

        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var appended = await new PostgresOutboxWriter(connection, transaction, Now()).WriteAsync(changeSets, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.OutboxCommitted(logger, changeSets.Count, appended.Count);
                return appended;
            }
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT id, body FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT @max;", connection);
            command.Parameters.AddWithValue("max", max);
            var entries = new List<OutboxEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new OutboxEntry(reader.GetInt64(0), UpdateMessageSerializer.Deserialize(reader.GetFieldValue<byte[]>(1))));
            }

            return entries;
        }
    }

    public async Task MarkSentAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("UPDATE outbox SET sent_at = @now WHERE id = ANY(@ids) AND sent_at IS NULL;", connection);
            command.Parameters.AddWithValue("now", Now());
            command.Parameters.AddWithValue("ids", ids.ToArray());
            var marked = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Log.OutboxMarkedSent(logger, marked);
        }
    }

    public async Task<DecisionRecord?> GetDecisionAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                "SELECT stage, marketing, reason_codes, score, hot, decided_at, trace FROM decisions WHERE person_id = @personId;", connection);
            command.Parameters.AddWithValue("personId", personId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new DecisionRecord(
                personId,
                (LifecycleStage)reader.GetInt32(0),
                (Core.Decisions.MarketingStatus)reader.GetInt32(1),
                reader.GetString(2),
                reader.GetDouble(3),
                reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetString(6));
        }
    }

    public async Task<int> PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < @before;", connection);
            command.Parameters.AddWithValue("before", sentBefore.ToUniversalTime());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<OutboxStatus> GetOutboxStatusAsync(CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("""
                SELECT COUNT(*), (SELECT committed_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1)
                FROM outbox WHERE sent_at IS NULL;
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var pending = reader.GetInt64(0);
            DateTimeOffset? oldest = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
            return new OutboxStatus(pending, oldest);
        }
    }

    private DateTimeOffset Now() => timeProvider.GetUtcNow().ToUniversalTime();
}
