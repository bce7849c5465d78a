using Microsoft.Extensions.Logging;
using Npgsql;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// Source records' canonical contacts (<see cref="IContactStore"/>) in the PostgreSQL schema, table <c>source_records</c>, as
/// <see cref="CanonicalContactJson"/>, with the same rules as the SQLite store: a linked record is filed under its link's
/// person, and every change of a record takes the next change sequence. Writers hold <see cref="PostgresLocks.IdentityWrite"/>,
/// so sequences are handed out and committed in order across processes: a reader never finds a smaller sequence appear later.
/// </summary>
internal sealed class PostgresContactStore(PostgresStateStore store, TimeProvider timeProvider, ILogger logger) : IContactStore
{
    public async Task SaveContactsAsync(IReadOnlyList<PersonContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        foreach (var item in contacts)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(contacts));
            ArgumentException.ThrowIfNullOrWhiteSpace(item.PersonId, nameof(contacts));
            ArgumentNullException.ThrowIfNull(item.Contact, nameof(contacts));
            if (string.IsNullOrEmpty(item.Contact.Source.Id))
            {
                throw new ArgumentException("Every contact needs a source record id to be stored under.", nameof(contacts));
            }
        }

        if (contacts.Count == 0)
        {
            return;
        }

        // One row per record: a record given twice is stored as its last contact (at its last position).
        var last = new Dictionary<(string System, string ObjectType, string SourceId), (int Position, string PersonId, string Contact)>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var source = contacts[i].Contact.Source;
            last[(source.System.ToName(), source.ObjectType ?? string.Empty, source.Id)] = (i, contacts[i].PersonId, CanonicalContactJson.Write(contacts[i].Contact));
        }

        var rows = last.OrderBy(r => r.Value.Position).ToList();
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await store.LockAsync(connection, transaction, PostgresLocks.IdentityWrite, cancellationToken).ConfigureAwait(false);
                await using var upsert = new NpgsqlCommand("""
                    WITH input AS (
                        SELECT u.system, u.object_type, u.source_id, COALESCE(l.person_id, u.person_id) AS person_id, u.contact, u.ord
                        FROM unnest(@systems, @objectTypes, @sourceIds, @personIds, @contacts)
                            WITH ORDINALITY AS u(system, object_type, source_id, person_id, contact, ord)
                        LEFT JOIN source_links l ON l.system = u.system AND l.object_type = u.object_type AND l.source_id = u.source_id),
                    changed AS (
                        SELECT i.*, row_number() OVER (ORDER BY i.ord) AS n
                        FROM input i
                        LEFT JOIN source_records r ON r.system = i.system AND r.object_type = i.object_type AND r.source_id = i.source_id
                        WHERE r.system IS NULL OR r.person_id <> i.person_id OR r.contact <> i.contact)
                    INSERT INTO source_records (system, object_type, source_id, person_id, contact, change_seq, updated_at)
                    SELECT system, object_type, source_id, person_id, contact,
                        (SELECT COALESCE(MAX(change_seq), 0) FROM source_records) + n, @now
                    FROM changed ORDER BY n
                    ON CONFLICT (system, object_type, source_id) DO UPDATE SET
                        person_id = excluded.person_id, contact = excluded.contact,
                        change_seq = excluded.change_seq, updated_at = excluded.updated_at
                    RETURNING change_seq;
                    """, connection, transaction);
                upsert.Parameters.AddWithValue("systems", rows.Select(r => r.Key.System).ToArray());
                upsert.Parameters.AddWithValue("objectTypes", rows.Select(r => r.Key.ObjectType).ToArray());
                upsert.Parameters.AddWithValue("sourceIds", rows.Select(r => r.Key.SourceId).ToArray());
                upsert.Parameters.AddWithValue("personIds", rows.Select(r => r.Value.PersonId).ToArray());
                upsert.Parameters.AddWithValue("contacts", rows.Select(r => r.Value.Contact).ToArray());
                upsert.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUniversalTime());
                var changed = 0;
                long lastSequence = 0;
                await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        changed++;
                        lastSequence = Math.Max(lastSequence, reader.GetInt64(0));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.ContactsSaved(logger, contacts.Count, changed, lastSequence);
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CanonicalContact>>> GetContactsOfPersonsAsync(
        IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var wanted = personIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, List<CanonicalContact>>(StringComparer.Ordinal);
        if (wanted.Length > 0)
        {
            var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await using var command = new NpgsqlCommand("""
                    SELECT person_id, contact FROM source_records WHERE person_id = ANY(@personIds)
                    ORDER BY person_id COLLATE "C", system COLLATE "C", object_type COLLATE "C", source_id COLLATE "C";
                    """, connection);
                command.Parameters.AddWithValue("personIds", wanted);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var person = reader.GetString(0);
                    if (!found.TryGetValue(person, out var list))
                    {
                        found[person] = list = [];
                    }

                    list.Add(CanonicalContactJson.Read(reader.GetString(1)));
                }
            }
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<CanonicalContact>)p.Value, StringComparer.Ordinal);
    }

    public async Task<ChangedPersons> ListChangedPersonsAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var persons = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var last = afterSequence;
        var pageSize = Math.Max(max * 4, 1_000);
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Pages of changes (a person may have several), so a long backlog is never read past what this call returns.
            await using var command = new NpgsqlCommand(
                "SELECT person_id, change_seq FROM source_records WHERE change_seq > @after ORDER BY change_seq LIMIT @pageSize;", connection);
            var after = command.Parameters.AddWithValue("after", afterSequence);
            command.Parameters.AddWithValue("pageSize", pageSize);
            while (true)
            {
                after.Value = last;
                var rows = 0;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows++;
                        var person = reader.GetString(0);
                        if (!seen.Contains(person))
                        {
                            if (persons.Count == max)
                            {
                                return new ChangedPersons(persons, last);
                            }

                            seen.Add(person);
                            persons.Add(person);
                        }

                        last = reader.GetInt64(1);
                    }
                }

                if (rows < pageSize)
                {
                    return new ChangedPersons(persons, last);
                }
            }
        }
    }
}
