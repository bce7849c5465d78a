using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, in order, with the same versions and meaning as the SQLite migrations (so "schema version 5"
/// means the same tables in both stores). Never edit a released migration: add the next one. Every time is
/// <c>timestamptz</c>; a source cursor also keeps its exact text (offset and 100 ns ticks, which timestamptz drops).
/// Tables are created in the schema named by <c>SyncBridge:State:Schema</c> (the connection's search_path).
/// </summary>
internal static class PostgresSchemaMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "cursors, persons, person keys, source links, merge conflicts", """
            CREATE TABLE cursors (
                source          text NOT NULL PRIMARY KEY,
                timestamp       timestamptz NOT NULL,
                timestamp_exact text NOT NULL,
                record_id       text NOT NULL,
                state           text NOT NULL,
                updated_at      timestamptz NOT NULL
            );

            CREATE TABLE persons (
                person_id   text NOT NULL PRIMARY KEY,
                created_at  timestamptz NOT NULL,
                updated_at  timestamptz NOT NULL
            );

            CREATE TABLE person_keys (
                kind        integer NOT NULL,
                value       text NOT NULL,
                person_id   text NOT NULL REFERENCES persons (person_id),
                PRIMARY KEY (kind, value)
            );

            CREATE TABLE source_links (
                system      text NOT NULL,
                object_type text NOT NULL,
                source_id   text NOT NULL,
                person_id   text NOT NULL REFERENCES persons (person_id),
                updated_at  timestamptz NOT NULL,
                PRIMARY KEY (system, object_type, source_id)
            );

            CREATE TABLE merge_conflicts (
                id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                person_id    text NOT NULL,
                property     text NOT NULL,
                rule         text NOT NULL,
                chosen_value text NOT NULL,
                candidates   text NOT NULL,
                detected_at  timestamptz NOT NULL
            );
            """),
        new(2, "lookup indexes by person", """
            CREATE INDEX ix_person_keys_person ON person_keys (person_id);
            CREATE INDEX ix_source_links_person ON source_links (person_id);
            CREATE INDEX ix_merge_conflicts_person ON merge_conflicts (person_id, id);
            """),
        new(3, "decisions, decision versions, target snapshots, outbox, applied-update ledger", """
            CREATE TABLE decisions (
                person_id    text NOT NULL PRIMARY KEY,
                stage        integer NOT NULL,
                marketing    integer NOT NULL,
                reason_codes text NOT NULL,
                score        double precision NOT NULL,
                hot          boolean NOT NULL,
                decided_at   timestamptz NOT NULL,
                trace        text NOT NULL,
                updated_at   timestamptz NOT NULL
            );

            CREATE TABLE decision_versions (
                person_id   text NOT NULL PRIMARY KEY,
                version     bigint NOT NULL,
                updated_at  timestamptz NOT NULL
            );

            CREATE TABLE target_snapshots (
                system      text NOT NULL,
                object_type text NOT NULL,
                record_id   text NOT NULL,
                person_id   text NOT NULL,
                properties  text NOT NULL,
                version     bigint NOT NULL,
                updated_at  timestamptz NOT NULL,
                PRIMARY KEY (system, object_type, record_id)
            );

            CREATE TABLE outbox (
                id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id   text NOT NULL,
                person_id    text NOT NULL,
                system       text NOT NULL,
                object_type  text NOT NULL,
                record_id    text NOT NULL,
                version      bigint NOT NULL,
                body         bytea NOT NULL,
                committed_at timestamptz NOT NULL,
                sent_at      timestamptz NULL
            );

            CREATE INDEX ix_outbox_pending ON outbox (id) WHERE sent_at IS NULL;

            CREATE TABLE applied_updates (
                system             text NOT NULL,
                object_type        text NOT NULL,
                record_id          text NOT NULL,
                applied_version    bigint NOT NULL DEFAULT 0,
                applied_message_id text NULL,
                applied_at         timestamptz NULL,
                claim_consumer     text NULL,
                claim_message_id   text NULL,
                claim_until        timestamptz NULL,
                attempts           integer NOT NULL DEFAULT 0,
                in_doubt           boolean NOT NULL DEFAULT false,
                last_error         text NOT NULL DEFAULT '',
                updated_at         timestamptz NOT NULL,
                PRIMARY KEY (system, object_type, record_id)
            );
            """),
        new(4, "source records: each record's latest canonical contact, its person and its change sequence", """
            CREATE TABLE source_records (
                system      text NOT NULL,
                object_type text NOT NULL,
                source_id   text NOT NULL,
                person_id   text NOT NULL,
                contact     text NOT NULL,
                change_seq  bigint NOT NULL,
                updated_at  timestamptz NOT NULL,
                PRIMARY KEY (system, object_type, source_id)
            );

            CREATE INDEX ix_source_records_person ON source_records (person_id);
            CREATE UNIQUE INDEX ix_source_records_change ON source_records (change_seq);
            """),
        new(5, "decision runs and source runs: what the status page and report read", """
            CREATE TABLE decision_runs (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                as_of       timestamptz NOT NULL,
                summary     text NOT NULL
            );

            CREATE TABLE source_runs (
                source           text NOT NULL PRIMARY KEY,
                last_started_at  timestamptz NOT NULL,
                last_finished_at timestamptz NOT NULL,
                last_success_at  timestamptz NULL,
                pages            integer NOT NULL,
                records          integer NOT NULL,
                record_errors    integer NOT NULL,
                error            text NOT NULL,
                runs             bigint NOT NULL,
                total_records    bigint NOT NULL
            );

            CREATE INDEX ix_decision_versions_updated ON decision_versions (updated_at);
            """),
    ];
}
