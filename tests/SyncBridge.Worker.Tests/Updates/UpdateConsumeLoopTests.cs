using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>The consume loop's pacing: at once while there is work, idle wait when empty, jittered exponential backoff after failures.</summary>
public sealed class UpdateConsumeLoopTests
{
    private static readonly UpdateConsumerOptions Settings = new()
    {
        IdleDelay = TimeSpan.FromMilliseconds(700),
        RetryDelay = TimeSpan.FromSeconds(2),
        MaxRetryDelay = TimeSpan.FromSeconds(20),
    };

    private static UpdateConsumeLoop Loop() => new(null!, Options.Create(Settings), TimeProvider.System, NullLogger<UpdateConsumeLoop>.Instance);

    private static ConsumeBatchResult Result(int received, int retried = 0, int busy = 0) => new(received, received - retried - busy, 0, busy, retried, 0, 0);

    [Fact]
    public void NextDelay_WorkDoneWithoutFailures_ReceivesAgainAtOnce()
    {
        Assert.Equal(TimeSpan.Zero, Loop().NextDelay(Result(200)));
    }

    [Fact]
    public void NextDelay_EmptyQueue_WaitsTheIdleDelay()
    {
        Assert.Equal(Settings.IdleDelay, Loop().NextDelay(ConsumeBatchResult.Empty));
    }

    [Fact]
    public void NextDelay_TransientFailuresInARow_DoubleWithJitterUpToTheCap()
    {
        var loop = Loop();
        var delays = Enumerable.Range(0, 6).Select(_ => loop.NextDelay(Result(10, retried: 3))).ToList();

        for (var i = 0; i < 3; i++)
        {
            var expected = Settings.RetryDelay.TotalMilliseconds * Math.Pow(2, i);
            Assert.InRange(delays[i].TotalMilliseconds, expected * 0.8, expected * 1.2);
        }

        Assert.All(delays, d => Assert.True(d <= Settings.MaxRetryDelay, $"{d} is above the cap"));
        Assert.InRange(delays[5].TotalMilliseconds, Settings.MaxRetryDelay.TotalMilliseconds * 0.8, Settings.MaxRetryDelay.TotalMilliseconds);
    }

    [Fact]
    public void NextDelay_BusyOrFailedReceive_BacksOffAndASuccessResetsIt()
    {
        var loop = Loop();
        var busy = loop.NextDelay(Result(10, busy: 1));
        var failed = loop.NextDelay(null);
        var ok = loop.NextDelay(Result(10));
        var afterReset = loop.NextDelay(Result(10, retried: 1));

        Assert.InRange(busy.TotalMilliseconds, 1600, 2400);
        Assert.InRange(failed.TotalMilliseconds, 3200, 4800);
        Assert.Equal(TimeSpan.Zero, ok);
        Assert.InRange(afterReset.TotalMilliseconds, 1600, 2400);
    }
}
