using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SyncBridge.Storage.Postgres;
using SyncBridge.Storage.Tests.Contracts;
using SyncBridge.Testing;

namespace SyncBridge.Storage.Tests.Postgres;

/// <summary>The contract tests' PostgreSQL database: a schema of its own on the test server, dropped at the end.</summary>
public sealed class PostgresBackend : StoreBackend
{
    private readonly List<PostgresStateStore> _opened = [];

    public PostgresBackend()
    {
        PostgresTestServer.EnsureReachable();
    }

    public string Schema { get; } = PostgresTestServer.NewSchema();

    public StateStoreOptions Options => new()
    {
        Provider = "PostgreSql",
        ConnectionString = PostgresTestServer.ConnectionString,
        Schema = Schema,
    };

    public override StoreSet Open(FakeTimeProvider time)
    {
        var state = new PostgresStateStore(Options, PostgresSchemaMigrations.All, time, NullLogger.Instance);
        lock (_opened)
        {
            _opened.Add(state);
        }

        return new StoreSet
        {
            State = state,
            Identity = state,
            Outbox = new PostgresOutboxStore(state, time, NullLogger.Instance),
            Ledger = new PostgresAppliedUpdateStore(state, time),
            Contacts = new PostgresContactStore(state, time, NullLogger.Instance),
            Reports = new PostgresReportStore(state),
            Initialize = state.InitializeAsync,
            Owner = state,
        };
    }

    public override object? Scalar(string sql)
    {
        using var connection = PostgresTestServer.OpenAdmin(Schema);
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public override void AssertIntegrity()
    {
        // PostgreSQL enforces the foreign keys itself: every key and link still points at an existing person.
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM source_links l WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.person_id = l.person_id);"));
    }

    public override async ValueTask DisposeAsync()
    {
        PostgresStateStore[] opened;
        lock (_opened)
        {
            opened = [.. _opened];
        }

        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        PostgresTestServer.DropSchema(Schema);
    }
}
