using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Tests.Web;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>
/// <c>consume --until-empty</c> and the end of <c>sync</c>: they stop when the queue reports itself empty, and do not wait
/// forever on a queue whose depth cannot be read (RabbitMQ 3.10's management API can answer 500 for minutes).
/// </summary>
public sealed class UpdateDrainTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-drain-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RunUntilEmpty_QueueReportsEmpty_StopsAtOnce()
    {
        await using var connected = await HostAsync(new FixedMonitor(new QueueStatus(0, 0, null, 0)));
        var clock = Stopwatch.StartNew();

        await DrainAsync(connected, TimeSpan.FromSeconds(30));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task RunUntilEmpty_DepthCannotBeRead_StopsAfterTheGraceOfReceivingNothing()
    {
        var monitor = new FailingMonitor();
        await using var connected = await HostAsync(monitor);
        var clock = Stopwatch.StartNew();

        await DrainAsync(connected, TimeSpan.FromSeconds(2));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"stopped after {clock.Elapsed}, before the grace");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.True(monitor.Calls > 1, $"asked for the depth {monitor.Calls} times");
    }

    [Fact]
    public async Task RunUntilEmpty_QueueReportsMessagesElsewhere_WaitsPastTheGrace()
    {
        // Another consumer holds a message: the depth is known and not zero, so the grace does not apply.
        await using var connected = await HostAsync(new FixedMonitor(new QueueStatus(1, 1, null, 0)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(4));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DrainAsync(connected, TimeSpan.FromSeconds(1), stop.Token));
    }

    private static Task DrainAsync(ConnectedHost connected, TimeSpan grace, CancellationToken? cancellationToken = null)
    {
        var services = connected.Services;
        return UpdateDrain.RunUntilEmptyAsync(
            services, services.GetRequiredService<OutboxDispatchLoop>(), services.GetRequiredService<UpdateConsumeLoop>(), dispatching: true, grace, cancellationToken ?? Ct);
    }

    private async Task<ConnectedHost> HostAsync(IQueueMonitor monitor)
    {
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, StatusWebFixture.Settings(_directory, 10, ",\"Consumer\":{\"IdleDelay\":\"00:00:00.200\"}"), Ct);
        var error = new StringWriter();
        var connected = await ConnectedHost.TryStartAsync(
            new CliContext(new StringWriter(), error, TimeProvider.System),
            new HostSettings { ConfigFiles = [config] },
            Ct,
            builder => builder.Services.AddSingleton(monitor));
        Assert.True(connected is not null, error.ToString());
        return connected;
    }

    private sealed class FixedMonitor(QueueStatus status) : IQueueMonitor
    {
        public Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(status);
    }

    private sealed class FailingMonitor : IQueueMonitor
    {
        private int _calls;

        public int Calls => _calls;

        public Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new HttpRequestException("management API answered 500 (badkey)");
        }
    }
}
