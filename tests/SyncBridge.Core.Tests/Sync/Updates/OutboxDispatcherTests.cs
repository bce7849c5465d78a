using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class OutboxDispatcherTests
{
    private readonly FakeTimeProvider _time = new(UpdateWorld.Start);
    private readonly FakeOutboxStore _outbox;
    private readonly FakeUpdateQueue _queue;

    public OutboxDispatcherTests()
    {
        _outbox = new FakeOutboxStore(_time);
        _queue = new FakeUpdateQueue(_time);
    }

    [Fact]
    public async Task DispatchAsync_Pending_SendsInOutboxOrderThenMarksSent()
    {
        var committed = await CommitAsync(3);

        var sent = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, sent);
        Assert.Equal(committed.Select(m => m.MessageId), Assert.Single(_queue.SendCalls));
        Assert.Empty(await _outbox.ReadPendingAsync(100, TestContext.Current.CancellationToken));
        Assert.Equal(0, (await _outbox.GetOutboxStatusAsync(TestContext.Current.CancellationToken)).Pending);
        Assert.Equal(3, _queue.Count);
    }

    [Fact]
    public async Task DispatchAsync_SendThrows_RowsStayPending()
    {
        await CommitAsync(2);
        _queue.FailNextSend = new InvalidOperationException("broker down");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Dispatcher().DispatchAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, (await _outbox.ReadPendingAsync(100, TestContext.Current.CancellationToken)).Count);
        Assert.Equal(0, _queue.Count);
        Assert.Equal(2, await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, _queue.Count);
    }

    [Fact]
    public async Task DispatchAsync_CrashAfterSendBeforeMark_NextDispatchSendsTheSameIds()
    {
        await CommitAsync(2);
        _outbox.FailNextMarkSent = new IOException("process died");
        await Assert.ThrowsAsync<IOException>(() => Dispatcher().DispatchAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, (await _outbox.ReadPendingAsync(100, TestContext.Current.CancellationToken)).Count);

        var sent = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, sent);
        Assert.Equal(2, _queue.SendCalls.Count);
        Assert.Equal(_queue.SendCalls[0], _queue.SendCalls[1]);
        Assert.Equal(2, _queue.Count);
        Assert.Empty(await _outbox.ReadPendingAsync(100, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DispatchAsync_MoreThanOneBatch_SendsAllInBatches()
    {
        await CommitAsync(OutboxDispatcher.BatchSize + 7);

        var sent = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        Assert.Equal(OutboxDispatcher.BatchSize + 7, sent);
        Assert.Equal([OutboxDispatcher.BatchSize, 7], _queue.SendCalls.Select(c => c.Count));
        Assert.Equal(_outbox.AllMessages.Select(m => m.MessageId), _queue.SendCalls.SelectMany(c => c));
    }

    [Fact]
    public async Task DispatchAsync_ExactlyOneBatch_ChecksOnceMoreAndStops()
    {
        await CommitAsync(OutboxDispatcher.BatchSize);

        Assert.Equal(OutboxDispatcher.BatchSize, await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken));
        Assert.Single(_queue.SendCalls);
    }

    [Fact]
    public async Task DispatchAsync_NothingPending_SendsNothing()
    {
        Assert.Equal(0, await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken));
        Assert.Empty(_queue.SendCalls);
    }

    private OutboxDispatcher Dispatcher() => new(_outbox, _queue, NullLogger<OutboxDispatcher>.Instance);

    private async Task<IReadOnlyList<Core.Sync.Queue.UpdateMessage>> CommitAsync(int people)
    {
        var planner = new UpdatePlanner(_outbox, [new TestPropertyMap(SourceSystem.HubSpot)], Options.Create(new OutboxOptions()), _time, NullLogger<UpdatePlanner>.Instance);
        var decided = Enumerable.Range(1, people)
            .Select(i => new DecidedPerson(UpdateWorld.Decision($"p{i}", LifecycleStage.Lead), [UpdateWorld.Contact($"c{i}")]))
            .ToList();
        return (await planner.CommitAsync(decided, TestContext.Current.CancellationToken)).Messages;
    }
}
