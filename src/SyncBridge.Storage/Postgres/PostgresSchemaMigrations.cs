using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, in order. Versions 1 to 5 have the same meaning as the SQLite migrations (so "schema version 5"
/// means the same tables in both stores); from 6 on the lists are independent (6, Quartz's clustered job store tables, exists
/// only here). Never edit a released migration: add the next one. Every time in SyncBridge's own tables is
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
        new(6, QuartzTablesDescription, """
            -- Quartz's clustered ADO job store (SyncBridge:Scheduler:Clustered). Every row carries the scheduler name, so several
            -- clusters could share these tables; times are .NET ticks (bigint), job data is the serializer's bytes.
            CREATE TABLE qrtz_job_details (
                sched_name        text NOT NULL,
                job_name          text NOT NULL,
                job_group         text NOT NULL,
                description       text NULL,
                job_class_name    text NOT NULL,
                is_durable        boolean NOT NULL,
                is_nonconcurrent  boolean NOT NULL,
                is_update_data    boolean NOT NULL,
                requests_recovery boolean NOT NULL,
                job_data          bytea NULL,
                CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
            );

            CREATE TABLE qrtz_triggers (
                sched_name              text NOT NULL,
                trigger_name            text NOT NULL,
                trigger_group           text NOT NULL,
                job_name                text NOT NULL,
                job_group               text NOT NULL,
                description             text NULL,
                next_fire_time          bigint NULL,
                prev_fire_time          bigint NULL,
                priority                integer NULL,
                trigger_state           text NOT NULL,
                trigger_type            text NOT NULL,
                start_time              bigint NOT NULL,
                end_time                bigint NULL,
                calendar_name           text NULL,
                misfire_instr           smallint NULL,
                misfire_orig_fire_time  bigint NULL,
                execution_group         varchar(200) NULL,
                preferred_node          varchar(200) NULL,
                preferred_node_auto     boolean NOT NULL DEFAULT false,
                retry_policy            varchar(200) NULL,
                retry_attempt           integer NULL,
                continues_trigger_name  text NULL,
                continues_trigger_group text NULL,
                continuation_condition  integer NULL,
                overlap_policy          integer NULL,
                pause_reason            varchar(200) NULL,
                paused_by               varchar(200) NULL,
                paused_at               bigint NULL,
                misfire_threshold       bigint NULL,
                fixed_delay             boolean NULL,
                job_data                bytea NULL,
                CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_triggers_job FOREIGN KEY (sched_name, job_name, job_group)
                    REFERENCES qrtz_job_details (sched_name, job_name, job_group)
            );

            -- One row per trigger of each kind, removed with its trigger.
            CREATE TABLE qrtz_simple_triggers (
                sched_name      text NOT NULL,
                trigger_name    text NOT NULL,
                trigger_group   text NOT NULL,
                repeat_count    bigint NOT NULL,
                repeat_interval bigint NOT NULL,
                times_triggered bigint NOT NULL,
                CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_simple_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            );

            CREATE TABLE qrtz_cron_triggers (
                sched_name      text NOT NULL,
                trigger_name    text NOT NULL,
                trigger_group   text NOT NULL,
                cron_expression text NOT NULL,
                time_zone_id    text NULL,
                CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_cron_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            );

            CREATE TABLE qrtz_simprop_triggers (
                sched_name    text NOT NULL,
                trigger_name  text NOT NULL,
                trigger_group text NOT NULL,
                str_prop_1    text NULL,
                str_prop_2    text NULL,
                str_prop_3    text NULL,
                int_prop_1    integer NULL,
                int_prop_2    integer NULL,
                long_prop_1   bigint NULL,
                long_prop_2   bigint NULL,
                dec_prop_1    numeric NULL,
                dec_prop_2    numeric NULL,
                bool_prop_1   boolean NULL,
                bool_prop_2   boolean NULL,
                time_zone_id  text NULL,
                CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_simprop_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            );

            CREATE TABLE qrtz_blob_triggers (
                sched_name    text NOT NULL,
                trigger_name  text NOT NULL,
                trigger_group text NOT NULL,
                blob_data     bytea NULL,
                CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
                CONSTRAINT fk_qrtz_blob_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
                    REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
            );

            CREATE TABLE qrtz_calendars (
                sched_name    text NOT NULL,
                calendar_name text NOT NULL,
                calendar      bytea NOT NULL,
                CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
            );

            CREATE TABLE qrtz_paused_trigger_grps (
                sched_name    text NOT NULL,
                trigger_group text NOT NULL,
                pause_reason  varchar(200) NULL,
                paused_by     varchar(200) NULL,
                paused_at     bigint NULL,
                CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
            );

            CREATE TABLE qrtz_paused_job_grps (
                sched_name   text NOT NULL,
                job_group    text NOT NULL,
                pause_reason varchar(200) NULL,
                paused_by    varchar(200) NULL,
                paused_at    bigint NULL,
                CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group)
            );

            -- What each node is firing now: how a node that died mid-job is recovered, and how a non-concurrent job is held
            -- back while another node runs it.
            CREATE TABLE qrtz_fired_triggers (
                sched_name               text NOT NULL,
                entry_id                 text NOT NULL,
                trigger_name             text NOT NULL,
                trigger_group            text NOT NULL,
                instance_name            text NOT NULL,
                fired_time               bigint NOT NULL,
                sched_time               bigint NOT NULL,
                priority                 integer NOT NULL,
                state                    text NOT NULL,
                job_name                 text NULL,
                job_group                text NULL,
                is_nonconcurrent         boolean NOT NULL,
                requests_recovery        boolean NULL,
                execution_group          varchar(200) NULL,
                progress                 integer NULL,
                progress_message         varchar(1000) NULL,
                interrupt_requested_time bigint NULL,
                CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
            );

            -- One row per live node (instance id), checked in every ClusterCheckinInterval.
            CREATE TABLE qrtz_scheduler_state (
                sched_name        text NOT NULL,
                instance_name     text NOT NULL,
                last_checkin_time bigint NOT NULL,
                checkin_interval  bigint NOT NULL,
                quartz_version    varchar(50) NULL,
                CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
            );

            -- The rows the nodes take FOR UPDATE to serialize trigger acquisition and state changes across the cluster.
            CREATE TABLE qrtz_locks (
                sched_name text NOT NULL,
                lock_name  text NOT NULL,
                CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
            );

            -- Per-job outcome Quartz keeps beside the schedule (last run, failures in a row).
            CREATE TABLE qrtz_job_status (
                sched_name           text NOT NULL,
                job_group            text NOT NULL,
                job_name             text NOT NULL,
                first_fired_time     bigint NOT NULL,
                last_fired_time      bigint NOT NULL,
                last_result          integer NOT NULL,
                last_run_time        bigint NOT NULL,
                last_instance_name   text NOT NULL,
                last_entry_id        text NULL,
                last_summary         text NULL,
                last_success_time    bigint NULL,
                last_failure_time    bigint NULL,
                last_failure_message text NULL,
                consecutive_failures integer NOT NULL DEFAULT 0,
                run_count            bigint NOT NULL DEFAULT 0,
                failure_count        bigint NOT NULL DEFAULT 0,
                CONSTRAINT pk_qrtz_job_status PRIMARY KEY (sched_name, job_group, job_name)
            );

            -- The lookups the store makes on every acquisition round, misfire scan and recovery.
            CREATE INDEX ix_qrtz_job_details_group ON qrtz_job_details (sched_name, job_group, job_name);
            CREATE INDEX ix_qrtz_triggers_job ON qrtz_triggers (sched_name, job_name, job_group);
            CREATE INDEX ix_qrtz_triggers_group ON qrtz_triggers (sched_name, trigger_group, trigger_name);
            CREATE INDEX ix_qrtz_triggers_calendar ON qrtz_triggers (sched_name, calendar_name);
            CREATE INDEX ix_qrtz_triggers_due ON qrtz_triggers (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr);
            CREATE INDEX ix_qrtz_fired_triggers_trigger ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
            CREATE INDEX ix_qrtz_fired_triggers_job ON qrtz_fired_triggers (sched_name, job_name, job_group);
            CREATE INDEX ix_qrtz_fired_triggers_instance ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
            """),
    ];

    /// <summary>The description of the migration that adds Quartz's tables (PostgreSQL only: SQLite never hosts a clustered scheduler).</summary>
    public const string QuartzTablesDescription = "Quartz clustered job store tables";
}
