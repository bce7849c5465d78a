using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// The transactional outbox (<see cref="IOutboxStore"/>) in the SQLite state file: decisions, decision versions, target
/// snapshots and outbox rows, written together in one immediate transaction by <see cref="CommitAsync"/>.
/// </summary>
internal sealed class SqliteOutboxStore(SqliteStateStore store, TimeProvider timeProvider, ILogger logger) : IOutboxStore
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

        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT properties FROM target_snapshots WHERE system = $system AND object_type = $objectType AND record_id = $recordId;";
            var system = command.Parameters.Add("$system", SqliteType.Text);
            var objectType = command.Parameters.Add("$objectType", SqliteType.Text);
            var recordId = command.Parameters.Add("$recordId", SqliteType.Text);
            foreach (var target in targets)
            {
                system.Value = target.System.ToName();
                objectType.Value = target.ObjectType ?? string.Empty;
                recordId.Value = target.Id ?? string.Empty;
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json)
                {
                    snapshots[target] = JsonSerializer.Deserialize(json, StorageJsonContext.Default.SortedDictionaryStringString)
                        ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
                }
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
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var appended = new List<UpdateMessage>();
                using (var writer = new OutboxWriter(connection, transaction, Now()))
                {
                    foreach (var changeSet in changeSets)
                    {
                        await writer.WriteAsync(changeSet, appended, cancellationToken).ConfigureAwait(false);
                    }
                }

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
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, body FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $max;";
            command.Parameters.AddWithValue("$max", max);
            var entries = new List<OutboxEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE outbox SET sent_at = $now WHERE id = $id AND sent_at IS NULL;";
                command.Parameters.AddWithValue("$now", Now());
                var id = command.Parameters.Add("$id", SqliteType.Integer);
                var marked = 0;
                foreach (var value in ids)
                {
                    id.Value = value;
                    marked += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.OutboxMarkedSent(logger, marked);
            }
        }
    }

    public async Task<DecisionRecord?> GetDecisionAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT stage, marketing, reason_codes, score, hot, decided_at, trace FROM decisions WHERE person_id = $personId;
                """;
            command.Parameters.AddWithValue("$personId", personId);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
                reader.GetInt64(4) != 0,
                StoredTime.Parse(reader.GetString(5)),
                reader.GetString(6));
        }
    }

    public async Task<int> PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $before;";
            command.Parameters.AddWithValue("$before", StoredTime.Format(sentBefore.ToUniversalTime()));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<OutboxStatus> GetOutboxStatusAsync(CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT COUNT(*), (SELECT committed_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1)
                FROM outbox WHERE sent_at IS NULL;
                """;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var pending = reader.GetInt64(0);
            DateTimeOffset? oldest = reader.IsDBNull(1) ? null : StoredTime.Parse(reader.GetString(1));
            return new OutboxStatus(pending, oldest);
        }
    }

    private string Now() => StoredTime.Format(timeProvider.GetUtcNow());
}
