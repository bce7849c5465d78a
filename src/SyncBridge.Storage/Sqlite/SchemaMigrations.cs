namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// The SQLite schema, in order. Never edit a released migration: add the next one. Timestamps are ISO 8601 text
/// (round-trip format, offset kept); ids are text.
/// </summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "cursors, persons, person keys, source links, merge conflicts", """
            CREATE TABLE cursors (
                source      TEXT NOT NULL PRIMARY KEY,
                timestamp   TEXT NOT NULL,
                record_id   TEXT NOT NULL,
                state       TEXT NOT NULL,
                updated_at  TEXT NOT NULL
            );

            CREATE TABLE persons (
                person_id   TEXT NOT NULL PRIMARY KEY,
                created_at  TEXT NOT NULL,
                updated_at  TEXT NOT NULL
            );

            CREATE TABLE person_keys (
                kind        INTEGER NOT NULL,
                value       TEXT NOT NULL,
                person_id   TEXT NOT NULL REFERENCES persons (person_id),
                PRIMARY KEY (kind, value)
            );

            CREATE TABLE source_links (
                system      TEXT NOT NULL,
                object_type TEXT NOT NULL,
                source_id   TEXT NOT NULL,
                person_id   TEXT NOT NULL REFERENCES persons (person_id),
                updated_at  TEXT NOT NULL,
                PRIMARY KEY (system, object_type, source_id)
            );

            CREATE TABLE merge_conflicts (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                person_id    TEXT NOT NULL,
                property     TEXT NOT NULL,
                rule         TEXT NOT NULL,
                chosen_value TEXT NOT NULL,
                candidates   TEXT NOT NULL,
                detected_at  TEXT NOT NULL
            );
            """),
        new(2, "lookup indexes by person", """
            CREATE INDEX ix_person_keys_person ON person_keys (person_id);
            CREATE INDEX ix_source_links_person ON source_links (person_id);
            CREATE INDEX ix_merge_conflicts_person ON merge_conflicts (person_id, id);
            """),
    ];
}
