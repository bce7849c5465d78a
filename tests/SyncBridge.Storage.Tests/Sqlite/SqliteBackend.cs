using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Storage.Sqlite;
using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Sqlite;

/// <summary>The contract tests' SQLite database: one file in a fresh temp directory.</summary>
public sealed class SqliteBackend : StoreBackend
{
    private readonly TempDirectory _temp = new();

    public string DbPath => _temp.File("s.db");

    public override StoreSet Open(FakeTimeProvider time)
    {
        var state = StoreFactory.Open(DbPath, time);
        return new StoreSet
        {
            State = state,
            Identity = state,
            Outbox = new SqliteOutboxStore(state, time, NullLogger.Instance),
            Ledger = new SqliteAppliedUpdateStore(state, time),
            Contacts = new SqliteContactStore(state, time, NullLogger.Instance),
            Reports = new SqliteReportStore(state),
            Initialize = state.InitializeAsync,
            Owner = state,
        };
    }

    public override object? Scalar(string sql) => StoreFactory.Scalar(DbPath, sql);

    public override void AssertIntegrity() => Assert.Equal("ok", Scalar("PRAGMA integrity_check;"));

    public override ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
