using System.Text.Json;
using Microsoft.Data.Sqlite;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// Writes change sets inside one transaction with prepared commands reused for every row: the decision, and for a
/// change set that changes something the person's next version, the changed targets' snapshots and one outbox row each.
/// The messages of a change set are all built before any of its rows is written; any failure leaves the caller's
/// transaction to roll back.
/// </summary>
internal sealed class OutboxWriter : IDisposable
{
    private readonly string _now;
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly SqliteCommand _readVersion;
    private readonly SqliteCommand _saveVersion;
    private readonly SqliteCommand _saveDecision;
    private readonly SqliteCommand _saveSnapshot;
    private readonly SqliteCommand _append;

    public OutboxWriter(SqliteConnection connection, SqliteTransaction transaction, string now)
    {
        _now = now;
        _readVersion = Prepare(connection, transaction, "SELECT version FROM decision_versions WHERE person_id = $personId;", "$personId");
        _saveVersion = Prepare(connection, transaction, """
            INSERT INTO decision_versions (person_id, version, updated_at) VALUES ($personId, $version, $now)
            ON CONFLICT (person_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at;
            """, "$personId", "$version", "$now");
        _saveDecision = Prepare(connection, transaction, """
            INSERT INTO decisions (person_id, stage, marketing, reason_codes, score, hot, decided_at, trace, updated_at)
            VALUES ($personId, $stage, $marketing, $reasonCodes, $score, $hot, $decidedAt, $trace, $now)
            ON CONFLICT (person_id) DO UPDATE SET
                stage = excluded.stage, marketing = excluded.marketing, reason_codes = excluded.reason_codes,
                score = excluded.score, hot = excluded.hot, decided_at = excluded.decided_at, trace = excluded.trace,
                updated_at = excluded.updated_at;
            """, "$personId", "$stage", "$marketing", "$reasonCodes", "$score", "$hot", "$decidedAt", "$trace", "$now");
        _saveSnapshot = Prepare(connection, transaction, """
            INSERT INTO target_snapshots (system, object_type, record_id, person_id, properties, version, updated_at)
            VALUES ($system, $objectType, $recordId, $personId, $properties, $version, $now)
            ON CONFLICT (system, object_type, record_id) DO UPDATE SET
                person_id = excluded.person_id, properties = excluded.properties, version = excluded.version,
                updated_at = excluded.updated_at;
            """, "$system", "$objectType", "$recordId", "$personId", "$properties", "$version", "$now");
        _append = Prepare(connection, transaction, """
            INSERT INTO outbox (message_id, person_id, system, object_type, record_id, version, body, committed_at)
            VALUES ($messageId, $personId, $system, $objectType, $recordId, $version, $body, $now);
            """, "$messageId", "$personId", "$system", "$objectType", "$recordId", "$version", "$body", "$now");
    }

    /// <summary>Writes one change set; appends the messages it produced to <paramref name="appended"/>.</summary>
    public async Task WriteAsync(PersonChangeSet changeSet, List<UpdateMessage> appended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeSet);
        var decision = changeSet.Decision ?? throw new ArgumentException("A change set has no decision.", nameof(changeSet));
        ArgumentException.ThrowIfNullOrWhiteSpace(decision.PersonId, nameof(changeSet));
        ArgumentNullException.ThrowIfNull(changeSet.Changes, nameof(changeSet));

        var changed = changeSet.Changes.Where(c => c is not null && c.Changed is { Count: > 0 }).ToList();
        var messages = new List<UpdateMessage>(changed.Count);
        long version = 0;
        if (changed.Count > 0)
        {
            version = await CurrentVersionAsync(decision.PersonId, cancellationToken).ConfigureAwait(false) + 1;
            var targets = new HashSet<SourceRef>();
            foreach (var change in changed)
            {
                ArgumentNullException.ThrowIfNull(change.Snapshot, nameof(changeSet));
                if (!targets.Add(change.Target))
                {
                    // Two messages would share one id (person, target, version): the broker would drop one of them.
                    throw new ArgumentException($"The change set of person '{decision.PersonId}' changes target '{change.Target}' twice.", nameof(changeSet));
                }

                messages.Add(UpdateMessage.Create(decision.PersonId, change.Target, change.Snapshot, version));
            }
        }

        await SaveDecisionAsync(decision, cancellationToken).ConfigureAwait(false);
        if (messages.Count == 0)
        {
            return;
        }

        Set(_saveVersion, decision.PersonId, version, _now);
        await _saveVersion.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _versions[decision.PersonId] = version;

        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var target = message.Target;
            Set(_saveSnapshot, target.System.ToName(), target.ObjectType, target.Id, decision.PersonId, SerializeSnapshot(changed[i].Snapshot), version, _now);
            await _saveSnapshot.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            Set(_append, message.MessageId, decision.PersonId, target.System.ToName(), target.ObjectType, target.Id, version, UpdateMessageSerializer.Serialize(message), _now);
            await _append.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            appended.Add(message);
        }
    }

    public void Dispose()
    {
        _readVersion.Dispose();
        _saveVersion.Dispose();
        _saveDecision.Dispose();
        _saveSnapshot.Dispose();
        _append.Dispose();
    }

    internal static string SerializeSnapshot(IReadOnlyDictionary<string, string> snapshot)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in snapshot)
        {
            sorted[name] = value ?? string.Empty;
        }

        return JsonSerializer.Serialize(sorted, StorageJsonContext.Default.SortedDictionaryStringString);
    }

    private async Task<long> CurrentVersionAsync(string personId, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(personId, out var known))
        {
            return known;
        }

        Set(_readVersion, personId);
        var value = await _readVersion.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long version ? version : 0;
    }

    private async Task SaveDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken)
    {
        Set(
            _saveDecision,
            decision.PersonId,
            (int)decision.Stage,
            (int)decision.Marketing,
            decision.ReasonCodes ?? string.Empty,
            decision.Score,
            decision.Hot ? 1 : 0,
            StoredTime.Format(decision.DecidedAt),
            decision.TraceJson ?? string.Empty,
            _now);
        await _saveDecision.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
