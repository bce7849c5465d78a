using System.Globalization;
using SyncBridge.Core.Sync;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Tests.Sqlite;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static long Count(string path, string sql) => Convert.ToInt64(StoreFactory.Scalar(path, sql), CultureInfo.InvariantCulture);

    [Fact]
    public async Task InitializeAsync_MissingDirectory_CreatesItAndTheLatestSchema()
    {
        var path = _temp.File("nested", "deeper", "state.db");
        using var store = StoreFactory.Open(path);

        await store.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(path));
        Assert.Equal(SchemaMigrations.All[^1].Version, Count(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(SchemaMigrations.All.Count, Count(path, "SELECT COUNT(*) FROM schema_version;"));
        foreach (var table in new[] { "cursors", "persons", "person_keys", "source_links", "merge_conflicts" })
        {
            Assert.Equal(1, Count(path, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';"));
        }

        Assert.Equal("wal", StoreFactory.Scalar(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task InitializeAsync_ReopenedAndRepeated_AppliesEachMigrationOnce()
    {
        var path = _temp.File("state.db");
        using (var first = StoreFactory.Open(path))
        {
            await first.InitializeAsync(TestContext.Current.CancellationToken);
            await first.InitializeAsync(TestContext.Current.CancellationToken);
            await first.SaveCursorAsync("hubspot:contacts", new SourceCursor(StoreFactory.Start, "1"), TestContext.Current.CancellationToken);
        }

        using var second = StoreFactory.Open(path);
        await second.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SchemaMigrations.All.Count, Count(path, "SELECT COUNT(*) FROM schema_version;"));
        Assert.NotNull(await second.GetCursorAsync("hubspot:contacts", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InitializeAsync_VersionOneFile_UpgradesAndKeepsItsData()
    {
        var path = _temp.File("old.db");
        using (var old = StoreFactory.Open(path, migrations: [.. SchemaMigrations.All.Take(1)]))
        {
            await old.SaveCursorAsync("salesforce:leads", new SourceCursor(StoreFactory.Start, "00Q1", "w=1"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, Count(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(0, Count(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_person_keys_person';"));

        using var current = StoreFactory.Open(path);
        var cursor = await current.GetCursorAsync("salesforce:leads", TestContext.Current.CancellationToken);

        Assert.Equal(new SourceCursor(StoreFactory.Start, "00Q1", "w=1"), cursor);
        Assert.Equal(SchemaMigrations.All[^1].Version, Count(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(1, Count(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_person_keys_person';"));
    }

    [Fact]
    public async Task InitializeAsync_VersionTwoFile_AddsTheOutboxAndLedgerTablesAndKeepsItsData()
    {
        var path = _temp.File("v2.db");
        using (var old = StoreFactory.Open(path, migrations: [.. SchemaMigrations.All.Take(2)]))
        {
            await old.SaveCursorAsync("hubspot:contacts", new SourceCursor(StoreFactory.Start, "7"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, Count(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox';"));

        using var current = StoreFactory.Open(path, migrations: [.. SchemaMigrations.All.Take(3)]);
        await current.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, Count(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(5, Count(path, """
            SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'
            AND name IN ('decisions', 'decision_versions', 'target_snapshots', 'outbox', 'applied_updates');
            """));
        Assert.Equal(1, Count(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_outbox_pending';"));
        Assert.Equal(new SourceCursor(StoreFactory.Start, "7"), await current.GetCursorAsync("hubspot:contacts", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InitializeAsync_NewerVersionFile_RefusesWithAClearMessage()
    {
        var path = _temp.File("future.db");
        using (var store = StoreFactory.Open(path))
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);
        }

        StoreFactory.Execute(path, "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00.0000000+00:00');");

        using var older = StoreFactory.Open(path);
        var error = await Assert.ThrowsAsync<StateStoreException>(() => older.InitializeAsync(TestContext.Current.CancellationToken));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SchemaMigrations.All[^1].Version}", error.Message, StringComparison.Ordinal);
        Assert.Contains("SyncBridge:State:SqlitePath", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StateStoreException>(() => older.GetCursorAsync("x", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InitializeAsync_PathUnderAFile_FailsNamingTheSetting()
    {
        var blocker = _temp.File("not-a-directory");
        await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);
        using var store = StoreFactory.Open(Path.Combine(blocker, "state.db"));

        var error = await Assert.ThrowsAsync<StateStoreException>(() => store.InitializeAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("SyncBridge:State:SqlitePath:", error.Message, StringComparison.Ordinal);
        Assert.Contains(blocker, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_TwoStoresStartingTogether_ApplyEachMigrationOnce()
    {
        var path = _temp.File("race.db");
        using var first = StoreFactory.Open(path);
        using var second = StoreFactory.Open(path);

        await Task.WhenAll(
            Task.Run(() => first.InitializeAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken),
            Task.Run(() => second.InitializeAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken));

        Assert.Equal(SchemaMigrations.All.Count, Count(path, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public void SchemaMigrations_AreNumberedOneByOneFromOne()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
    }
}
