using Microsoft.Data.Sqlite;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// Writes persons inside one transaction with prepared statements, remembering which other persons lost a key or a
/// link to them (persons that merged), so that those left empty can be removed at the end. A source record's stored
/// contact (<see cref="SqliteContactStore"/>) moves with its link.
/// </summary>
internal sealed class PersonWriter(SqliteConnection connection, SqliteTransaction transaction, string now)
{
    // Displaced person → the person that took its key or link last.
    private readonly Dictionary<string, string> _displaced = new(StringComparer.Ordinal);

    public async Task WriteAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        using (var upsert = Command("""
            INSERT INTO persons (person_id, created_at, updated_at) VALUES ($personId, $now, $now)
            ON CONFLICT (person_id) DO UPDATE SET updated_at = excluded.updated_at;
            """))
        {
            upsert.Parameters.AddWithValue("$personId", person.PersonId);
            upsert.Parameters.AddWithValue("$now", now);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in person.Keys)
        {
            using var owner = Command("SELECT person_id FROM person_keys WHERE kind = $kind AND value = $value;");
            owner.Parameters.AddWithValue("$kind", (int)key.Kind);
            owner.Parameters.AddWithValue("$value", key.Value);
            Displace(await owner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string, person.PersonId);

            using var upsert = Command("""
                INSERT INTO person_keys (kind, value, person_id) VALUES ($kind, $value, $personId)
                ON CONFLICT (kind, value) DO UPDATE SET person_id = excluded.person_id;
                """);
            upsert.Parameters.AddWithValue("$kind", (int)key.Kind);
            upsert.Parameters.AddWithValue("$value", key.Value);
            upsert.Parameters.AddWithValue("$personId", person.PersonId);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var source in person.Sources)
        {
            using var owner = Command("SELECT person_id FROM source_links WHERE system = $system AND object_type = $objectType AND source_id = $sourceId;");
            AddSource(owner, source);
            Displace(await owner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string, person.PersonId);

            using var upsert = Command("""
                INSERT INTO source_links (system, object_type, source_id, person_id, updated_at)
                VALUES ($system, $objectType, $sourceId, $personId, $now)
                ON CONFLICT (system, object_type, source_id) DO UPDATE SET
                    person_id = excluded.person_id, updated_at = excluded.updated_at;
                """);
            AddSource(upsert, source);
            upsert.Parameters.AddWithValue("$personId", person.PersonId);
            upsert.Parameters.AddWithValue("$now", now);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            // The record's stored contact follows its link, as a change of the record (a new change sequence).
            using var follow = Command("""
                UPDATE source_records SET person_id = $personId, updated_at = $now,
                    change_seq = (SELECT MAX(change_seq) FROM source_records) + 1
                WHERE system = $system AND object_type = $objectType AND source_id = $sourceId AND person_id <> $personId;
                """);
            AddSource(follow, source);
            follow.Parameters.AddWithValue("$personId", person.PersonId);
            follow.Parameters.AddWithValue("$now", now);
            await follow.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes displaced persons that hold no key and no link any more, moving their conflicts; returns how many.</summary>
    public async Task<int> RemoveEmptiedPersonsAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (displaced, successor) in _displaced)
        {
            using var delete = Command("""
                DELETE FROM persons WHERE person_id = $personId
                    AND NOT EXISTS (SELECT 1 FROM person_keys WHERE person_id = $personId)
                    AND NOT EXISTS (SELECT 1 FROM source_links WHERE person_id = $personId);
                """);
            delete.Parameters.AddWithValue("$personId", displaced);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                continue;
            }

            removed++;
            using var move = Command("UPDATE merge_conflicts SET person_id = $successor WHERE person_id = $personId;");
            move.Parameters.AddWithValue("$successor", successor);
            move.Parameters.AddWithValue("$personId", displaced);
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    private void Displace(string? previousOwner, string personId)
    {
        if (previousOwner is not null && !string.Equals(previousOwner, personId, StringComparison.Ordinal))
        {
            _displaced[previousOwner] = personId;
        }
    }

    private static void AddSource(SqliteCommand command, SourceRef source)
    {
        command.Parameters.AddWithValue("$system", source.System.ToName());
        command.Parameters.AddWithValue("$objectType", source.ObjectType ?? string.Empty);
        command.Parameters.AddWithValue("$sourceId", source.Id ?? string.Empty);
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
