using Npgsql;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// Writes a list of persons inside one transaction (the caller holds <see cref="PostgresLocks.IdentityWrite"/>) with a few
/// set-based statements: the current owners of every key and link are read once, the list is replayed in order to find
/// each key's and link's final owner and which persons lost a key or a link to another (persons that merged), then persons,
/// keys and links are upserted, linked source records follow their link with a new change sequence, and displaced persons
/// left with no key and no link are removed, their conflicts moving to the person that took from them last.
/// </summary>
internal sealed class PostgresPersonWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now)
{
    /// <summary>Writes <paramref name="persons"/>; returns how many emptied persons were removed.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<PersonRecord> persons, CancellationToken cancellationToken)
    {
        var keyOwners = await ReadKeyOwnersAsync(persons, cancellationToken).ConfigureAwait(false);
        var linkOwners = await ReadLinkOwnersAsync(persons, cancellationToken).ConfigureAwait(false);

        // Replay the list as the SQLite store writes it row by row: displaced person → the person that took from it last.
        var displaced = new Dictionary<string, string>(StringComparer.Ordinal);
        void Take(string? previous, string personId)
        {
            if (previous is not null && !string.Equals(previous, personId, StringComparison.Ordinal))
            {
                displaced[previous] = personId;
            }
        }

        var personIds = new List<string>();
        var seenPersons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in persons)
        {
            if (seenPersons.Add(person.PersonId))
            {
                personIds.Add(person.PersonId);
            }

            foreach (var key in person.Keys)
            {
                var id = ((int)key.Kind, key.Value ?? string.Empty);
                Take(keyOwners.GetValueOrDefault(id), person.PersonId);
                keyOwners[id] = person.PersonId;
            }

            foreach (var source in person.Sources)
            {
                var id = LinkId(source);
                Take(linkOwners.GetValueOrDefault(id), person.PersonId);
                linkOwners[id] = person.PersonId;
            }
        }

        await UpsertPersonsAsync(personIds, cancellationToken).ConfigureAwait(false);
        await UpsertKeysAsync(persons, keyOwners, cancellationToken).ConfigureAwait(false);
        await UpsertLinksAsync(persons, linkOwners, cancellationToken).ConfigureAwait(false);

        var removed = 0;
        foreach (var (person, successor) in displaced)
        {
            await using var delete = Command("""
                WITH removed AS (
                    DELETE FROM persons WHERE person_id = @personId
                        AND NOT EXISTS (SELECT 1 FROM person_keys WHERE person_id = @personId)
                        AND NOT EXISTS (SELECT 1 FROM source_links WHERE person_id = @personId)
                    RETURNING person_id),
                moved AS (
                    UPDATE merge_conflicts SET person_id = @successor WHERE person_id IN (SELECT person_id FROM removed) RETURNING 1)
                SELECT (SELECT COUNT(*) FROM removed), (SELECT COUNT(*) FROM moved);
                """);
            delete.Parameters.AddWithValue("personId", person);
            delete.Parameters.AddWithValue("successor", successor);
            if (Convert.ToInt64(await delete.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                removed++;
            }
        }

        return removed;
    }

    private static (string System, string ObjectType, string SourceId) LinkId(SourceRef source) =>
        (source.System.ToName(), source.ObjectType ?? string.Empty, source.Id ?? string.Empty);

    private async Task<Dictionary<(int Kind, string Value), string>> ReadKeyOwnersAsync(IReadOnlyList<PersonRecord> persons, CancellationToken cancellationToken)
    {
        var keys = persons.SelectMany(p => p.Keys).Select(k => ((int)k.Kind, k.Value ?? string.Empty)).Distinct().ToList();
        var owners = new Dictionary<(int Kind, string Value), string>();
        if (keys.Count == 0)
        {
            return owners;
        }

        await using var command = Command("""
            SELECT k.kind, k.value, k.person_id FROM person_keys k
            JOIN unnest(@kinds, @values) AS u(kind, value) ON k.kind = u.kind AND k.value = u.value;
            """);
        command.Parameters.AddWithValue("kinds", keys.Select(k => k.Item1).ToArray());
        command.Parameters.AddWithValue("values", keys.Select(k => k.Item2).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            owners[(reader.GetInt32(0), reader.GetString(1))] = reader.GetString(2);
        }

        return owners;
    }

    private async Task<Dictionary<(string System, string ObjectType, string SourceId), string>> ReadLinkOwnersAsync(
        IReadOnlyList<PersonRecord> persons, CancellationToken cancellationToken)
    {
        var links = persons.SelectMany(p => p.Sources).Select(LinkId).Distinct().ToList();
        var owners = new Dictionary<(string System, string ObjectType, string SourceId), string>();
        if (links.Count == 0)
        {
            return owners;
        }

        await using var command = Command("""
            SELECT l.system, l.object_type, l.source_id, l.person_id FROM source_links l
            JOIN unnest(@systems, @objectTypes, @sourceIds) AS u(system, object_type, source_id)
                ON l.system = u.system AND l.object_type = u.object_type AND l.source_id = u.source_id;
            """);
        command.Parameters.AddWithValue("systems", links.Select(l => l.System).ToArray());
        command.Parameters.AddWithValue("objectTypes", links.Select(l => l.ObjectType).ToArray());
        command.Parameters.AddWithValue("sourceIds", links.Select(l => l.SourceId).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            owners[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetString(3);
        }

        return owners;
    }

    private async Task UpsertPersonsAsync(List<string> personIds, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO persons (person_id, created_at, updated_at)
            SELECT person_id, @now, @now FROM unnest(@personIds) AS u(person_id) ORDER BY person_id
            ON CONFLICT (person_id) DO UPDATE SET updated_at = excluded.updated_at;
            """);
        command.Parameters.AddWithValue("personIds", personIds.ToArray());
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpsertKeysAsync(IReadOnlyList<PersonRecord> persons, Dictionary<(int Kind, string Value), string> owners, CancellationToken cancellationToken)
    {
        var keys = persons.SelectMany(p => p.Keys).Select(k => ((int)k.Kind, k.Value ?? string.Empty)).Distinct().ToList();
        if (keys.Count == 0)
        {
            return;
        }

        await using var command = Command("""
            INSERT INTO person_keys (kind, value, person_id)
            SELECT kind, value, person_id FROM unnest(@kinds, @values, @personIds) AS u(kind, value, person_id)
            ON CONFLICT (kind, value) DO UPDATE SET person_id = excluded.person_id
            WHERE person_keys.person_id <> excluded.person_id;
            """);
        command.Parameters.AddWithValue("kinds", keys.Select(k => k.Item1).ToArray());
        command.Parameters.AddWithValue("values", keys.Select(k => k.Item2).ToArray());
        command.Parameters.AddWithValue("personIds", keys.Select(k => owners[k]).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpsertLinksAsync(
        IReadOnlyList<PersonRecord> persons, Dictionary<(string System, string ObjectType, string SourceId), string> owners, CancellationToken cancellationToken)
    {
        var links = persons.SelectMany(p => p.Sources).Select(LinkId).Distinct().ToList();
        if (links.Count == 0)
        {
            return;
        }

        // The links, then each linked source record whose person differs follows its link as a change of the record:
        // the next change sequences after the highest, in the list's order.
        await using var command = Command("""
            INSERT INTO source_links (system, object_type, source_id, person_id, updated_at)
            SELECT system, object_type, source_id, person_id, @now
            FROM unnest(@systems, @objectTypes, @sourceIds, @personIds) AS u(system, object_type, source_id, person_id)
            ON CONFLICT (system, object_type, source_id) DO UPDATE SET
                person_id = excluded.person_id, updated_at = excluded.updated_at;

            WITH moved AS (
                SELECT r.system, r.object_type, r.source_id, u.person_id, row_number() OVER (ORDER BY u.ord) AS n
                FROM source_records r
                JOIN unnest(@systems, @objectTypes, @sourceIds, @personIds) WITH ORDINALITY AS u(system, object_type, source_id, person_id, ord)
                    ON r.system = u.system AND r.object_type = u.object_type AND r.source_id = u.source_id
                WHERE r.person_id <> u.person_id)
            UPDATE source_records r SET person_id = m.person_id, updated_at = @now,
                change_seq = (SELECT COALESCE(MAX(change_seq), 0) FROM source_records) + m.n
            FROM moved m
            WHERE r.system = m.system AND r.object_type = m.object_type AND r.source_id = m.source_id;
            """);
        command.Parameters.AddWithValue("systems", links.Select(l => l.System).ToArray());
        command.Parameters.AddWithValue("objectTypes", links.Select(l => l.ObjectType).ToArray());
        command.Parameters.AddWithValue("sourceIds", links.Select(l => l.SourceId).ToArray());
        command.Parameters.AddWithValue("personIds", links.Select(l => owners[l]).ToArray());
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);
}
