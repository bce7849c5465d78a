using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// Source records' canonical contacts (<see cref="IContactStore"/>) in the SQLite state file, table <c>source_records</c>,
/// as <see cref="CanonicalContactJson"/>. A record's person is kept equal to its identity link: a save files a linked
/// record under its link's person, and <see cref="PersonWriter"/> moves a record when its link moves. Every change of a
/// record (contact or person) takes the next change sequence, in the same immediate transaction that writes it, so
/// sequences only grow.
/// </summary>
internal sealed class SqliteContactStore(SqliteStateStore store, TimeProvider timeProvider, ILogger logger) : IContactStore
{
    private const int ReadChunk = 500;

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

        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                long next;
                using (var max = connection.CreateCommand())
                {
                    max.Transaction = transaction;
                    max.CommandText = "SELECT COALESCE(MAX(change_seq), 0) FROM source_records;";
                    next = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) + 1;
                }

                using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = """
                    INSERT INTO source_records (system, object_type, source_id, person_id, contact, change_seq, updated_at)
                    VALUES ($system, $objectType, $sourceId,
                        COALESCE((SELECT person_id FROM source_links WHERE system = $system AND object_type = $objectType AND source_id = $sourceId), $personId),
                        $contact, $seq, $now)
                    ON CONFLICT (system, object_type, source_id) DO UPDATE SET
                        person_id = excluded.person_id, contact = excluded.contact,
                        change_seq = excluded.change_seq, updated_at = excluded.updated_at
                    WHERE source_records.person_id <> excluded.person_id OR source_records.contact <> excluded.contact;
                    """;
                var system = upsert.Parameters.Add("$system", SqliteType.Text);
                var objectType = upsert.Parameters.Add("$objectType", SqliteType.Text);
                var sourceId = upsert.Parameters.Add("$sourceId", SqliteType.Text);
                var personId = upsert.Parameters.Add("$personId", SqliteType.Text);
                var contact = upsert.Parameters.Add("$contact", SqliteType.Text);
                var seq = upsert.Parameters.Add("$seq", SqliteType.Integer);
                upsert.Parameters.AddWithValue("$now", StoredTime.Format(timeProvider.GetUtcNow()));
                var changed = 0;
                foreach (var item in contacts)
                {
                    var source = item.Contact.Source;
                    system.Value = source.System.ToName();
                    objectType.Value = source.ObjectType ?? string.Empty;
                    sourceId.Value = source.Id;
                    personId.Value = item.PersonId;
                    contact.Value = CanonicalContactJson.Write(item.Contact);
                    seq.Value = next;
                    if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
                    {
                        next++;
                        changed++;
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.ContactsSaved(logger, contacts.Count, changed, next - 1);
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CanonicalContact>>> GetContactsOfPersonsAsync(
        IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var wanted = personIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, List<CanonicalContact>>(StringComparer.Ordinal);
        if (wanted.Count > 0)
        {
            var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                foreach (var chunk in wanted.Chunk(ReadChunk))
                {
                    using var command = connection.CreateCommand();
                    var sql = new StringBuilder("SELECT person_id, contact FROM source_records WHERE person_id IN (");
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        var name = string.Create(CultureInfo.InvariantCulture, $"$p{i}");
                        sql.Append(i == 0 ? name : "," + name);
                        command.Parameters.AddWithValue(name, chunk[i]);
                    }

                    command.CommandText = sql.Append(") ORDER BY person_id, system, object_type, source_id;").ToString();
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT person_id, change_seq FROM source_records WHERE change_seq > $after ORDER BY change_seq;";
            command.Parameters.AddWithValue("$after", afterSequence);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var person = reader.GetString(0);
                if (!seen.Contains(person))
                {
                    if (persons.Count == max)
                    {
                        break;
                    }

                    seen.Add(person);
                    persons.Add(person);
                }

                last = reader.GetInt64(1);
            }
        }

        return new ChangedPersons(persons, last);
    }
}
