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
        new(3, "decisions, decision versions, target snapshots, outbox, applied-update ledger", """
            CREATE TABLE decisions (
                person_id    TEXT NOT NULL PRIMARY KEY,
                stage        INTEGER NOT NULL,
                marketing    INTEGER NOT NULL,
                reason_codes TEXT NOT NULL,
                score        REAL NOT NULL,
                hot          INTEGER NOT NULL,
                decided_at   TEXT NOT NULL,
                trace        TEXT NOT NULL,
                updated_at   TEXT NOT NULL
            );

            CREATE TABLE decision_versions (
                person_id   TEXT NOT NULL PRIMARY KEY,
                version     INTEGER NOT NULL,
                updated_at  TEXT NOT NULL
            );

            CREATE TABLE target_snapshots (
                system      TEXT NOT NULL,
                object_type TEXT NOT NULL,
                record_id   TEXT NOT NULL,
                person_id   TEXT NOT NULL,
                properties  TEXT NOT NULL,
                version     INTEGER NOT NULL,
                updated_at  TEXT NOT NULL,
                PRIMARY KEY (system, object_type, record_id)
            );

            CREATE TABLE outbox (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id   TEXT NOT NULL,
                person_id    TEXT NOT NULL,
                system       TEXT NOT NULL,
                object_type  TEXT NOT NULL,
                record_id    TEXT NOT NULL,
                version      INTEGER NOT NULL,
                body         BLOB NOT NULL,
                committed_at TEXT NOT NULL,
                sent_at      TEXT NULL
            );

            CREATE INDEX ix_outbox_pending ON outbox (id) WHERE sent_at IS NULL;

            CREATE TABLE applied_updates (
                system             TEXT NOT NULL,
                object_type        TEXT NOT NULL,
                record_id          TEXT NOT NULL,
                applied_version    INTEGER NOT NULL DEFAULT 0,
                applied_message_id TEXT NULL,
                applied_at         TEXT NULL,
                claim_consumer     TEXT NULL,
                claim_message_id   TEXT NULL,
                claim_until        TEXT NULL,
                attempts           INTEGER NOT NULL DEFAULT 0,
                in_doubt           INTEGER NOT NULL DEFAULT 0,
                last_error         TEXT NOT NULL DEFAULT '',
                updated_at         TEXT NOT NULL,
                PRIMARY KEY (system, object_type, record_id)
            );
            """),
        new(4, "source records: each record's latest canonical contact, its person and its change sequence", """
            CREATE TABLE source_records (
                system      TEXT NOT NULL,
                object_type TEXT NOT NULL,
                source_id   TEXT NOT NULL,
                person_id   TEXT NOT NULL,
                contact     TEXT NOT NULL,
                change_seq  INTEGER NOT NULL,
                updated_at  TEXT NOT NULL,
                PRIMARY KEY (system, object_type, source_id)
            );

            CREATE INDEX ix_source_records_person ON source_records (person_id);
            CREATE UNIQUE INDEX ix_source_records_change ON source_records (change_seq);
            """),
        new(5, "decision runs and source runs: what the status page and report read", """
            CREATE TABLE decision_runs (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                as_of       TEXT NOT NULL,
                summary     TEXT NOT NULL
            );

            CREATE TABLE source_runs (
                source           TEXT NOT NULL PRIMARY KEY,
                last_started_at  TEXT NOT NULL,
                last_finished_at TEXT NOT NULL,
                last_success_at  TEXT NULL,
                pages            INTEGER NOT NULL,
                records          INTEGER NOT NULL,
                record_errors    INTEGER NOT NULL,
                error            TEXT NOT NULL,
                runs             INTEGER NOT NULL,
                total_records    INTEGER NOT NULL
            );

            CREATE INDEX ix_decision_versions_updated ON decision_versions (updated_at);
            """),
    ];
}
