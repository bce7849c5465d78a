using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Storage.Postgres;
using SyncBridge.Storage.Sqlite;
using SyncBridge.Storage.Tests.Sqlite;
using SyncBridge.Testing;

namespace SyncBridge.Storage.Tests.Postgres;

/// <summary>Schema migrations of the PostgreSQL store against the real test server, each test in a schema of its own.</summary>
public sealed class PostgresMigrationTests : IAsyncDisposable
{
    private readonly PostgresBackend _backend = new();
    private readonly List<PostgresStateStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await _backend.DisposeAsync();
    }

    private PostgresStateStore Open(IReadOnlyList<SchemaMigration>? migrations = null, string? connectionString = null)
    {
        var options = _backend.Options;
        options.ConnectionString = connectionString ?? options.ConnectionString;
        var store = new PostgresStateStore(options, migrations ?? PostgresSchemaMigrations.All, new FakeTimeProvider(StoreFactory.Start), NullLogger.Instance);
        _stores.Add(store);
        return store;
    }

    private long Count(string sql) => _backend.Count(sql);

    private long CountTables(params string[] names) => Count(
        $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{_backend.Schema}' AND table_name IN ({string.Join(", ", names.Select(n => $"'{n}'"))});");

    [Fact]
    public async Task InitializeAsync_NewSchema_CreatesItAndTheLatestSchema()
    {
        var store = Open();

        await store.InitializeAsync(Ct);

        Assert.Equal(PostgresSchemaMigrations.All[^1].Version, Count("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(PostgresSchemaMigrations.All.Count, Count("SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(14, CountTables(
            "schema_version", "cursors", "persons", "person_keys", "source_links", "merge_conflicts", "decisions", "decision_versions",
            "target_snapshots", "outbox", "applied_updates", "source_records", "decision_runs", "source_runs"));
        Assert.Equal(0L, Count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'cursors';"));
    }

    [Fact]
    public async Task InitializeAsync_SchemaCreatedBeforehand_CreatesTheTablesInIt()
    {
        using (var connection = PostgresTestServer.OpenAdmin())
        using (var create = new Npgsql.NpgsqlCommand($"CREATE SCHEMA \"{_backend.Schema}\";", connection))
        {
            create.ExecuteNonQuery();
        }

        await Open().InitializeAsync(Ct);

        Assert.Equal(PostgresSchemaMigrations.All[^1].Version, Count("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(1, CountTables("outbox"));
    }

    [Fact]
    public async Task InitializeAsync_ReopenedAndRepeated_AppliesEachMigrationOnce()
    {
        var first = Open();
        await first.InitializeAsync(Ct);
        await first.InitializeAsync(Ct);
        await first.SaveCursorAsync("hubspot:contacts", new SourceCursor(StoreFactory.Start, "1"), Ct);

        var second = Open();
        await second.InitializeAsync(Ct);

        Assert.Equal(PostgresSchemaMigrations.All.Count, Count("SELECT COUNT(*) FROM schema_version;"));
        Assert.NotNull(await second.GetCursorAsync("hubspot:contacts", Ct));
    }

    [Fact]
    public async Task InitializeAsync_VersionThreeSchema_AppliesTheRestAndKeepsItsData()
    {
        var old = Open([.. PostgresSchemaMigrations.All.Take(3)]);
        await old.SaveCursorAsync("hubspot:contacts", new SourceCursor(StoreFactory.Start, "7"), Ct);

        // A version 3 build's person writer does not know source_records: write its rows as it did.
        _backend.Scalar("""
            INSERT INTO persons (person_id, created_at, updated_at) VALUES ('p1', now(), now());
            INSERT INTO source_links (system, object_type, source_id, person_id, updated_at) VALUES ('hubspot', 'contact', '101', 'p1', now());
            """);
        Assert.Equal(3, Count("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(0, CountTables("source_records", "decision_runs", "source_runs"));

        var current = Open();
        await current.InitializeAsync(Ct);

        Assert.Equal(PostgresSchemaMigrations.All[^1].Version, Count("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(3, CountTables("source_records", "decision_runs", "source_runs"));
        Assert.Equal("p1", await current.FindPersonBySourceAsync(new SourceRef(SourceSystem.HubSpot, "contact", "101"), Ct));
        Assert.Equal(new SourceCursor(StoreFactory.Start, "7"), await current.GetCursorAsync("hubspot:contacts", Ct));
    }

    [Fact]
    public async Task InitializeAsync_NewerVersionSchema_RefusesWithAClearMessage()
    {
        await Open().InitializeAsync(Ct);
        _backend.Scalar("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00Z');");
        var older = Open();

        var error = await Assert.ThrowsAsync<StateStoreException>(() => older.InitializeAsync(Ct));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {PostgresSchemaMigrations.All[^1].Version}", error.Message, StringComparison.Ordinal);
        Assert.Contains("SyncBridge:State:Schema", error.Message, StringComparison.Ordinal);
        Assert.Contains(_backend.Schema, error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StateStoreException>(() => older.GetCursorAsync("x", Ct));
    }

    [Fact]
    public async Task InitializeAsync_SeveralStoresStartingTogether_ApplyEachMigrationOnce()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(Ct), Ct)));

        Assert.Equal(PostgresSchemaMigrations.All.Count, Count("SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(PostgresSchemaMigrations.All.Count, Count("SELECT COUNT(DISTINCT version) FROM schema_version;"));
    }

    [Fact]
    public async Task InitializeAsync_ServerNotListening_FailsNamingTheSettingWithoutThePassword()
    {
        var store = Open(connectionString: "Host=127.0.0.1;Port=1;Username=syncbridge;Password=s3cret-pw;Database=syncbridge;Timeout=3");

        var error = await Assert.ThrowsAsync<StateStoreException>(() => store.InitializeAsync(Ct));

        Assert.StartsWith("SyncBridge:State:ConnectionString:", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql://127.0.0.1:1/syncbridge as syncbridge", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveCursorAsync_StoresTheInstantAsTimestamptzAndKeepsTheExactValue()
    {
        var store = Open();
        var timestamp = new DateTimeOffset(2026, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(9)).AddTicks(4567);

        await store.SaveCursorAsync("salesforce:leads", new SourceCursor(timestamp, "00Q5"), Ct);

        Assert.Equal(
            timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            _backend.Scalar("SELECT to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM cursors;"));
        Assert.Equal(timestamp, (await store.GetCursorAsync("salesforce:leads", Ct))!.Timestamp);
    }

    [Fact]
    public void SchemaMigrations_MatchTheSqliteVersionsOneByOneWhereBothHaveThem()
    {
        Assert.Equal(Enumerable.Range(1, PostgresSchemaMigrations.All.Count), PostgresSchemaMigrations.All.Select(m => m.Version));
        Assert.Equal(
            SchemaMigrations.All.Select(m => (m.Version, m.Description)),
            PostgresSchemaMigrations.All.Take(SchemaMigrations.All.Count).Select(m => (m.Version, m.Description)));
    }

    [Fact]
    public void SchemaMigrations_QuartzTablesArePostgresOnlyVersionSix()
    {
        var quartz = Assert.Single(PostgresSchemaMigrations.All, m => m.Description == PostgresSchemaMigrations.QuartzTablesDescription);

        Assert.Equal(6, quartz.Version);
        Assert.DoesNotContain(SchemaMigrations.All, m => m.Version >= quartz.Version);
    }

    private static readonly string[] QuartzTables =
    [
        "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers",
        "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks",
        "qrtz_job_status",
    ];

    [Fact]
    public async Task InitializeAsync_VersionFiveSchema_AddsQuartzTablesWithTheirKeysAndIndexes()
    {
        var old = Open([.. PostgresSchemaMigrations.All.Take(5)]);
        await old.SaveCursorAsync("hubspot:contacts", new SourceCursor(StoreFactory.Start, "5"), Ct);
        Assert.Equal(0, CountTables(QuartzTables));

        var current = Open();
        await current.InitializeAsync(Ct);

        Assert.Equal(6, Count("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(PostgresSchemaMigrations.QuartzTablesDescription, (string?)_backend.Scalar("SELECT description FROM schema_version WHERE version = 6;"));
        Assert.Equal(QuartzTables.Length, CountTables(QuartzTables));
        Assert.Equal(QuartzTables.Length, Count(
            $"SELECT COUNT(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = '{_backend.Schema}'::regnamespace AND conrelid::regclass::text LIKE '%qrtz_%';"));

        // A trigger belongs to a job, and its schedule row goes with it.
        Assert.Equal(5, Count(
            $"SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = '{_backend.Schema}'::regnamespace AND conrelid::regclass::text LIKE '%qrtz_%';"));
        Assert.Equal(1, Count($"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '{_backend.Schema}' AND indexname = 'ix_qrtz_triggers_due';"));
        Assert.Equal(1, Count(
            $"SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '{_backend.Schema}' AND table_name = 'qrtz_cron_triggers' AND column_name = 'cron_expression';"));
        _backend.Scalar("""
            INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable, is_nonconcurrent, is_update_data, requests_recovery)
                VALUES ('s', 'poll:x', 'sources', 'T', false, true, false, false);
            INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, trigger_state, trigger_type, start_time)
                VALUES ('s', 'cron:x', 'sources', 'poll:x', 'sources', 'WAITING', 'CRON', 0);
            INSERT INTO qrtz_cron_triggers (sched_name, trigger_name, trigger_group, cron_expression) VALUES ('s', 'cron:x', 'sources', '0/1 * * * * ?');
            DELETE FROM qrtz_triggers;
            """);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM qrtz_cron_triggers;"));
        Assert.Equal(new SourceCursor(StoreFactory.Start, "5"), await current.GetCursorAsync("hubspot:contacts", Ct));
    }
}
