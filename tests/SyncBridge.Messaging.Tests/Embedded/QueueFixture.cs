using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Embedded;

namespace SyncBridge.Messaging.Tests.Embedded;

/// <summary>A fresh temp directory with one queue file, a shared fake clock, and queue instances opened on that file.</summary>
public sealed class QueueFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    private readonly List<SqliteUpdateQueue> _queues = [];

    public QueueFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "syncbridge-queue-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "queue.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    internal SqliteUpdateQueue Open(int maxDeliveryCount = 10)
    {
        var queue = new SqliteUpdateQueue(
            new EmbeddedQueueOptions { Path = FilePath, MaxDeliveryCount = maxDeliveryCount, BusyTimeoutSeconds = 30 },
            Time,
            NullLogger<SqliteUpdateQueue>.Instance);
        _queues.Add(queue);
        return queue;
    }

    public static UpdateMessage Message(string person, long version, string recordId = "r-1") =>
        UpdateMessage.Create(
            person,
            new SourceRef(SourceSystem.HubSpot, "contact", $"{person}-{recordId}"),
            new Dictionary<string, string> { ["lifecyclestage"] = "lead", ["syncbridge_version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            version);

    /// <summary>Runs one statement on the file directly (no queue), for arranging corrupt data and for assertions.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        foreach (var queue in _queues)
        {
            queue.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
