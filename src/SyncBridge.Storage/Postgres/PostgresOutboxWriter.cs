using Npgsql;
using NpgsqlTypes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// Writes a list of change sets inside the caller's transaction with four set-based statements whatever the list's size:
/// the persons' decision versions (an upsert that adds the number of changing change sets and returns the new version,
/// taking the row lock so concurrent commits for one person queue and each gets its own versions), the decisions (the last
/// per person wins), the changed targets' snapshots (the last per target wins) and one outbox row per message, in the
/// list's order. Every change set is checked before any row is written. Rows are locked in one order (by key) in every
/// statement, so concurrent commits cannot deadlock.
/// </summary>
internal sealed class PostgresOutboxWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now)
{
    public async Task<IReadOnlyList<UpdateMessage>> WriteAsync(IReadOnlyList<PersonChangeSet> changeSets, CancellationToken cancellationToken)
    {
        var changedPerSet = new List<List<TargetChange>>(changeSets.Count);
        var changingSets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var changeSet in changeSets)
        {
            ArgumentNullException.ThrowIfNull(changeSet, nameof(changeSets));
            var decision = changeSet.Decision ?? throw new ArgumentException("A change set has no decision.", nameof(changeSets));
            ArgumentException.ThrowIfNullOrWhiteSpace(decision.PersonId, nameof(changeSets));
            ArgumentNullException.ThrowIfNull(changeSet.Changes, nameof(changeSets));
            var changed = changeSet.Changes.Where(c => c is not null && c.Changed is { Count: > 0 }).ToList();
            var targets = new HashSet<SourceRef>();
            foreach (var change in changed)
            {
                ArgumentNullException.ThrowIfNull(change.Snapshot, nameof(changeSets));
                if (!targets.Add(change.Target))
                {
                    // Two messages would share one id (person, target, version): the broker would drop one of them.
                    throw new ArgumentException($"The change set of person '{decision.PersonId}' changes target '{change.Target}' twice.", nameof(changeSets));
                }
            }

            changedPerSet.Add(changed);
            if (changed.Count > 0)
            {
                changingSets[decision.PersonId] = changingSets.GetValueOrDefault(decision.PersonId) + 1;
            }
        }

        var latest = await AdvanceVersionsAsync(changingSets, cancellationToken).ConfigureAwait(false);

        // Versions of one person's change sets in this list: latest - count + 1 … latest, in the list's order.
        var next = latest.ToDictionary(p => p.Key, p => p.Value - changingSets[p.Key] + 1, StringComparer.Ordinal);
        var messages = new List<UpdateMessage>();
        var snapshots = new Dictionary<SourceRef, (string PersonId, string Properties, long Version)>();
        for (var i = 0; i < changeSets.Count; i++)
        {
            var changed = changedPerSet[i];
            if (changed.Count == 0)
            {
                continue;
            }

            var personId = changeSets[i].Decision.PersonId;
            var version = next[personId]++;
            foreach (var change in changed)
            {
                messages.Add(UpdateMessage.Create(personId, change.Target, change.Snapshot, version));
                snapshots[change.Target] = (personId, OutboxWriter.SerializeSnapshot(change.Snapshot), version);
            }
        }

        await SaveDecisionsAsync(changeSets, cancellationToken).ConfigureAwait(false);
        await SaveSnapshotsAsync(snapshots, cancellationToken).ConfigureAwait(false);
        await AppendAsync(messages, cancellationToken).ConfigureAwait(false);
        return messages;
    }

    private async Task<Dictionary<string, long>> AdvanceVersionsAsync(Dictionary<string, long> changingSets, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        if (changingSets.Count == 0)
        {
            return latest;
        }

        var persons = changingSets.Keys.Order(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand("""
            INSERT INTO decision_versions (person_id, version, updated_at)
            SELECT person_id, added, @now FROM unnest(@personIds, @added) WITH ORDINALITY AS u(person_id, added, ord) ORDER BY ord
            ON CONFLICT (person_id) DO UPDATE SET
                version = decision_versions.version + excluded.version, updated_at = excluded.updated_at
            RETURNING person_id, version;
            """, connection, transaction);
        command.Parameters.AddWithValue("personIds", persons);
        command.Parameters.AddWithValue("added", persons.Select(p => changingSets[p]).ToArray());
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            latest[reader.GetString(0)] = reader.GetInt64(1);
        }

        return latest;
    }

    private async Task SaveDecisionsAsync(IReadOnlyList<PersonChangeSet> changeSets, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, DecisionRecord>(StringComparer.Ordinal);
        foreach (var changeSet in changeSets)
        {
            last[changeSet.Decision.PersonId] = changeSet.Decision;
        }

        var decisions = last.Values.OrderBy(d => d.PersonId, StringComparer.Ordinal).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO decisions (person_id, stage, marketing, reason_codes, score, hot, decided_at, trace, updated_at)
            SELECT person_id, stage, marketing, reason_codes, score, hot, decided_at, trace, @now
            FROM unnest(@personIds, @stages, @marketing, @reasonCodes, @scores, @hot, @decidedAt, @traces)
                WITH ORDINALITY AS u(person_id, stage, marketing, reason_codes, score, hot, decided_at, trace, ord)
            ORDER BY ord
            ON CONFLICT (person_id) DO UPDATE SET
                stage = excluded.stage, marketing = excluded.marketing, reason_codes = excluded.reason_codes,
                score = excluded.score, hot = excluded.hot, decided_at = excluded.decided_at, trace = excluded.trace,
                updated_at = excluded.updated_at;
            """, connection, transaction);
        command.Parameters.AddWithValue("personIds", decisions.Select(d => d.PersonId).ToArray());
        command.Parameters.AddWithValue("stages", decisions.Select(d => (int)d.Stage).ToArray());
        command.Parameters.AddWithValue("marketing", decisions.Select(d => (int)d.Marketing).ToArray());
        command.Parameters.AddWithValue("reasonCodes", decisions.Select(d => d.ReasonCodes ?? string.Empty).ToArray());
        command.Parameters.AddWithValue("scores", decisions.Select(d => d.Score).ToArray());
        command.Parameters.AddWithValue("hot", decisions.Select(d => d.Hot).ToArray());
        command.Parameters.AddWithValue("decidedAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, decisions.Select(d => d.DecidedAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("traces", decisions.Select(d => d.TraceJson ?? string.Empty).ToArray());
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveSnapshotsAsync(Dictionary<SourceRef, (string PersonId, string Properties, long Version)> snapshots, CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        var rows = snapshots
            .Select(s => (System: s.Key.System.ToName(), ObjectType: s.Key.ObjectType ?? string.Empty, RecordId: s.Key.Id ?? string.Empty, s.Value))
            .OrderBy(r => r.System, StringComparer.Ordinal).ThenBy(r => r.ObjectType, StringComparer.Ordinal).ThenBy(r => r.RecordId, StringComparer.Ordinal)
            .ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO target_snapshots (system, object_type, record_id, person_id, properties, version, updated_at)
            SELECT system, object_type, record_id, person_id, properties, version, @now
            FROM unnest(@systems, @objectTypes, @recordIds, @personIds, @properties, @versions)
                WITH ORDINALITY AS u(system, object_type, record_id, person_id, properties, version, ord)
            ORDER BY ord
            ON CONFLICT (system, object_type, record_id) DO UPDATE SET
                person_id = excluded.person_id, properties = excluded.properties, version = excluded.version,
                updated_at = excluded.updated_at;
            """, connection, transaction);
        command.Parameters.AddWithValue("systems", rows.Select(r => r.System).ToArray());
        command.Parameters.AddWithValue("objectTypes", rows.Select(r => r.ObjectType).ToArray());
        command.Parameters.AddWithValue("recordIds", rows.Select(r => r.RecordId).ToArray());
        command.Parameters.AddWithValue("personIds", rows.Select(r => r.Value.PersonId).ToArray());
        command.Parameters.AddWithValue("properties", rows.Select(r => r.Value.Properties).ToArray());
        command.Parameters.AddWithValue("versions", rows.Select(r => r.Value.Version).ToArray());
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task AppendAsync(List<UpdateMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO outbox (message_id, person_id, system, object_type, record_id, version, body, committed_at)
            SELECT message_id, person_id, system, object_type, record_id, version, body, @now
            FROM unnest(@messageIds, @personIds, @systems, @objectTypes, @recordIds, @versions, @bodies)
                WITH ORDINALITY AS u(message_id, person_id, system, object_type, record_id, version, body, ord)
            ORDER BY ord;
            """, connection, transaction);
        command.Parameters.AddWithValue("messageIds", messages.Select(m => m.MessageId).ToArray());
        command.Parameters.AddWithValue("personIds", messages.Select(m => m.PersonKey).ToArray());
        command.Parameters.AddWithValue("systems", messages.Select(m => m.Target.System.ToName()).ToArray());
        command.Parameters.AddWithValue("objectTypes", messages.Select(m => m.Target.ObjectType ?? string.Empty).ToArray());
        command.Parameters.AddWithValue("recordIds", messages.Select(m => m.Target.Id ?? string.Empty).ToArray());
        command.Parameters.AddWithValue("versions", messages.Select(m => m.Version).ToArray());
        command.Parameters.AddWithValue("bodies", NpgsqlDbType.Array | NpgsqlDbType.Bytea, messages.Select(UpdateMessageSerializer.Serialize).ToArray());
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
