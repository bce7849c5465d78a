using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>The dispatch loop's housekeeping: sent outbox rows past their retention are deleted, at most hourly, on a real SQLite store.</summary>
public sealed class OutboxDispatchLoopTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-outbox-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public OutboxDispatchLoopTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SyncBridge:State:SqlitePath"] = Path.Combine(_directory, "state.db") })
            .Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time).AddSqliteStateStore(configuration).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task PurgeIfDueAsync_SentRowsPastRetention_DeletedAtMostHourlyAndPendingRowsNever()
    {
        var ct = TestContext.Current.CancellationToken;
        var outbox = _services.GetRequiredService<IOutboxStore>();
        var loop = new OutboxDispatchLoop(null!, outbox, Options.Create(new OutboxOptions { RetainSent = TimeSpan.FromMinutes(5) }), _time, NullLogger<OutboxDispatchLoop>.Instance);
        await outbox.CommitAsync([ChangeSet("p1"), ChangeSet("p2"), ChangeSet("p3")], ct);
        var rows = await outbox.ReadPendingAsync(10, ct);
        await outbox.MarkSentAsync([rows[0].Id, rows[1].Id], ct);

        var atOnce = await loop.PurgeIfDueAsync(ct);          // sent just now: inside the retention
        _time.Advance(TimeSpan.FromMinutes(10));
        var notDue = await loop.PurgeIfDueAsync(ct);          // old enough, but the last purge was 10 minutes ago
        _time.Advance(OutboxDispatchLoop.PurgeEvery);
        var due = await loop.PurgeIfDueAsync(ct);

        Assert.Equal(0, atOnce);
        Assert.Equal(0, notDue);
        Assert.Equal(2, due);
        Assert.Equal([rows[2].Id], (await outbox.ReadPendingAsync(10, ct)).Select(e => e.Id));
    }

    private static PersonChangeSet ChangeSet(string personId)
    {
        var target = new SourceRef(SourceSystem.HubSpot, "contact", personId);
        var decision = new DecisionRecord(personId, LifecycleStage.Lead, Core.Decisions.MarketingStatus.Marketing, "engaged", 10, false, DateTimeOffset.UnixEpoch, string.Empty);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["lifecyclestage"] = "lead" };
        return new PersonChangeSet(decision, [new TargetChange(target, properties, properties)]);
    }
}
