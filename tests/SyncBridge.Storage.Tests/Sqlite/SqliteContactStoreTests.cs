using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Storage.Sqlite;
using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Sqlite;

/// <summary>The ContactStore contract against the SQLite store, and the upgrade of a SQLite file written before source records.</summary>
public sealed class SqliteContactStoreTests : ContactStoreContract
{
    private static readonly SourceRef HubSpot1 = new(SourceSystem.HubSpot, "contact", "101");

    private readonly SqliteBackend _sqlite;

    public SqliteContactStoreTests()
        : this(new SqliteBackend())
    {
    }

    private SqliteContactStoreTests(SqliteBackend backend)
        : base(backend)
    {
        _sqlite = backend;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_VersionThreeFile_AddsSourceRecordsAndKeepsItsData()
    {
        var path = _sqlite.DbPath;
        using (var old = StoreFactory.Open(path, migrations: [.. SchemaMigrations.All.Take(3)]))
        {
            await old.InitializeAsync(Ct);
        }

        // A version 3 build's person writer does not know source_records: write its rows as it did.
        StoreFactory.Execute(path, """
            INSERT INTO persons (person_id, created_at, updated_at) VALUES ('p1', 't', 't');
            INSERT INTO source_links (system, object_type, source_id, person_id, updated_at) VALUES ('hubspot', 'contact', '101', 'p1', 't');
            """);

        Assert.Equal(0L, StoreFactory.Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'source_records';"));
        using var current = _sqlite.Open(new FakeTimeProvider(StoreFactory.Start));
        await current.Contacts.SaveContactsAsync([new("other", Rich(HubSpot1, "a@x.jp"))], Ct);

        Assert.Equal((long)SchemaMigrations.All[^1].Version, StoreFactory.Scalar(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal("p1", Assert.Single((await current.Contacts.GetContactsOfPersonsAsync(["p1"], Ct)).Keys));
    }
}
