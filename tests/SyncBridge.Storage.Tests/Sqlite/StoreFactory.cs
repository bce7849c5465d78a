using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Tests.Sqlite;

internal static class StoreFactory
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static SqliteStateStore Open(string path, FakeTimeProvider? time = null, IReadOnlyList<SchemaMigration>? migrations = null) =>
        new(new StateStoreOptions { SqlitePath = path, BusyTimeoutSeconds = 30 }, migrations ?? SchemaMigrations.All, time ?? new FakeTimeProvider(Start), NullLogger.Instance);

    /// <summary>Runs one query on the file directly (no store), for assertions.</summary>
    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(string path, string sql) => Scalar(path, sql);
}
