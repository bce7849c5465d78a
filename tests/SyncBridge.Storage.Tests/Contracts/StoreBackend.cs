using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace SyncBridge.Storage.Tests.Contracts;

/// <summary>
/// One test's database for the contract tests: a SQLite file, or a PostgreSQL schema of its own (dropped at the end).
/// <see cref="Open"/> returns a new store instance over it each time (its own connections, as another process would have).
/// </summary>
public abstract class StoreBackend : IAsyncDisposable
{
    /// <summary>A new store instance over this backend's database.</summary>
    public abstract StoreSet Open(FakeTimeProvider time);

    /// <summary>Runs one query on the database directly (no store), for assertions. The SQL must suit both providers.</summary>
    public abstract object? Scalar(string sql);

    public long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    /// <summary>Asserts the provider's own consistency check, where it has one (SQLite's integrity_check).</summary>
    public abstract void AssertIntegrity();

    public abstract ValueTask DisposeAsync();
}
