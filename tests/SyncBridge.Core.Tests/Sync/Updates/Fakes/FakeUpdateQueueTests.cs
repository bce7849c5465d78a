using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>The fake queue keeps the peek-lock contract of <see cref="IUpdateQueue"/>.</summary>
public sealed class FakeUpdateQueueTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(UpdateWorld.Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReceiveAsync_LockExpired_RedeliveredWithHigherCountAndOldTokenStale()
    {
        var queue = new FakeUpdateQueue(_time);
        await queue.SendAsync([UpdateWorld.Message("p", UpdateWorld.Contact("1"), 1)], Ct);
        var first = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), Ct));
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), Ct));

        _time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAsync<UpdateLockLostException>(() => queue.CompleteAsync(first));
        var second = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), Ct));

        Assert.Equal((1, 2), (first.DeliveryCount, second.DeliveryCount));
        await Assert.ThrowsAsync<UpdateLockLostException>(() => queue.AbandonAsync(first));
        await queue.CompleteAsync(second);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task SendAsync_IdAlreadyInQueue_StoredOnce()
    {
        var queue = new FakeUpdateQueue(_time);
        var message = UpdateWorld.Message("p", UpdateWorld.Contact("1"), 1);

        await queue.SendAsync([message, message], Ct);

        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task ReceiveAsync_PerPersonOrdering_HandsOutOneMessagePerPersonAtATime()
    {
        var queue = new FakeUpdateQueue(_time) { PerPersonOrdering = true };
        await queue.SendAsync([UpdateWorld.Message("p", UpdateWorld.Contact("1"), 1), UpdateWorld.Message("p", UpdateWorld.Contact("1"), 2), UpdateWorld.Message("q", UpdateWorld.Contact("2"), 1)], Ct);

        var received = await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), Ct);

        Assert.Equal([("p", 1L), ("q", 1L)], received.Select(r => (r.Message.PersonKey, r.Message.Version)));
    }
}
