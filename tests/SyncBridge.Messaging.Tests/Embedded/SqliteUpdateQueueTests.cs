using Microsoft.Extensions.Logging.Abstractions;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Embedded;

namespace SyncBridge.Messaging.Tests.Embedded;

public sealed class SqliteUpdateQueueTests : IDisposable
{
    private readonly QueueFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task ReceiveAsync_SentMessage_ReturnsItWithDeliveryCountOneAndLock()
    {
        var queue = _fixture.Open();
        var sent = QueueFixture.Message("p-1", 1);
        await queue.SendAsync([sent], _ct);

        var received = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Equal(sent.MessageId, received.Message.MessageId);
        Assert.Equal(sent.Target, received.Message.Target);
        Assert.Equal(sent.Properties, received.Message.Properties);
        Assert.Equal(1, received.DeliveryCount);
        Assert.False(string.IsNullOrEmpty(received.LockToken));
        Assert.Equal(QueueFixture.Start + QueueFixture.Lock, received.LockedUntil);
    }

    [Fact]
    public async Task ReceiveAsync_LockedMessage_HiddenUntilLockExpiresThenDeliveredAgainWithCountTwo()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1)], _ct);
        var first = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Empty(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        _fixture.Time.Advance(QueueFixture.Lock - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        _fixture.Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Equal(first.Message.MessageId, second.Message.MessageId);
        Assert.Equal(2, second.DeliveryCount);
        Assert.NotEqual(first.LockToken, second.LockToken);
    }

    [Fact]
    public async Task CompleteAsync_WithinLock_RemovesMessageForGood()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1)], _ct);
        var received = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        await queue.CompleteAsync(received);
        _fixture.Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        Assert.Equal(0, (await queue.GetStatusAsync(_ct)).Depth);
    }

    [Fact]
    public async Task CompleteAllAsync_OneStaleAmongSeveral_CompletesTheHeldOnesAndReturnsTheStaleOne()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-2", 1), QueueFixture.Message("p-3", 1)], _ct);
        var received = await queue.ReceiveAsync(10, QueueFixture.Lock, _ct);
        Assert.Equal(3, received.Count);
        var stale = received.Single(r => r.Message.PersonKey == "p-2");
        await queue.AbandonAsync(stale);
        var again = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        var lost = await queue.CompleteAllAsync(received);

        Assert.Equal(stale, Assert.Single(lost));
        Assert.Equal(1, (await queue.GetStatusAsync(_ct)).Depth);
        await queue.CompleteAsync(again);
        Assert.Equal(0, (await queue.GetStatusAsync(_ct)).Depth);
    }

    [Fact]
    public async Task CompleteAsync_LockExpired_ThrowsLockLostAndKeepsMessage()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1)], _ct);
        var received = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        _fixture.Time.Advance(QueueFixture.Lock);

        await Assert.ThrowsAsync<UpdateLockLostException>(() => queue.CompleteAsync(received));

        Assert.Equal(1, (await queue.GetStatusAsync(_ct)).Depth);
    }

    [Fact]
    public async Task CompleteAsync_StaleTokenAfterRedelivery_ThrowsLockLostAndCurrentHolderCanComplete()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1)], _ct);
        var stale = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        _fixture.Time.Advance(QueueFixture.Lock);
        var current = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        await Assert.ThrowsAsync<UpdateLockLostException>(() => queue.CompleteAsync(stale));
        await Assert.ThrowsAsync<UpdateLockLostException>(() => queue.AbandonAsync(stale));
        await Assert.ThrowsAsync<UpdateLockLostException>(() => queue.DeadLetterAsync(stale, "Poison", "x"));
        await queue.CompleteAsync(current);

        Assert.Equal(0, (await queue.GetStatusAsync(_ct)).Depth);
    }

    [Fact]
    public async Task AbandonAsync_Locked_VisibleAtOnceWithDeliveryCountPlusOne()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1)], _ct);
        var first = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        await queue.AbandonAsync(first);
        var second = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Equal(first.Message.MessageId, second.Message.MessageId);
        Assert.Equal(2, second.DeliveryCount);
    }

    [Fact]
    public async Task ReceiveAsync_LockExpiredMaxDeliveryCountTimes_MovesToDeadLettersWithReason()
    {
        var queue = _fixture.Open(maxDeliveryCount: 3);
        var sent = QueueFixture.Message("p-1", 1);
        await queue.SendAsync([sent], _ct);

        for (var delivery = 1; delivery <= 3; delivery++)
        {
            var received = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
            Assert.Equal(delivery, received.DeliveryCount);
            _fixture.Time.Advance(QueueFixture.Lock);
        }

        Assert.Empty(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        var deadLetter = Assert.Single(await queue.ListDeadLettersAsync(100, _ct));
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, deadLetter.Reason);
        Assert.Equal(sent.MessageId, deadLetter.MessageId);
        Assert.Equal("p-1", deadLetter.PersonKey);
        Assert.Equal(sent.Target, deadLetter.Target);
        Assert.Equal(1, deadLetter.Version);
        Assert.Equal(3, deadLetter.DeliveryCount);
        Assert.Equal(QueueFixture.Start, deadLetter.EnqueuedAt);
        Assert.Equal(_fixture.Time.GetUtcNow(), deadLetter.DeadLetteredAt);
    }

    [Fact]
    public async Task AbandonAsync_AtMaxDeliveryCount_DeadLettersAtOnce()
    {
        var queue = _fixture.Open(maxDeliveryCount: 2);
        await queue.SendAsync([QueueFixture.Message("p-1", 1)], _ct);

        await queue.AbandonAsync(Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct)));
        await queue.AbandonAsync(Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct)));

        var status = await queue.GetStatusAsync(_ct);
        Assert.Equal(0, status.Depth);
        Assert.Equal(1, status.DeadLetters);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, Assert.Single(await queue.ListDeadLettersAsync(10, _ct)).Reason);
    }

    [Fact]
    public async Task DeadLetterAsync_Poison_StoresReasonAndDescriptionAndFreesThePersonsNextMessage()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-1", 2)], _ct);
        var poison = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        await queue.DeadLetterAsync(poison, "InvalidProperty", "HubSpot 400: Property 'foo' does not exist");
        var next = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Equal(2, next.Message.Version);
        var deadLetter = Assert.Single(await queue.ListDeadLettersAsync(10, _ct));
        Assert.Equal("InvalidProperty", deadLetter.Reason);
        Assert.Equal("HubSpot 400: Property 'foo' does not exist", deadLetter.Description);
        Assert.Equal(1, deadLetter.DeliveryCount);
    }

    [Fact]
    public async Task ReplayDeadLetterAsync_DeadLetter_BackInQueueWithFreshDeliveryCount()
    {
        var queue = _fixture.Open(maxDeliveryCount: 1);
        var sent = QueueFixture.Message("p-1", 1);
        await queue.SendAsync([sent], _ct);
        await queue.AbandonAsync(Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct)));
        var deadLetter = Assert.Single(await queue.ListDeadLettersAsync(10, _ct));

        Assert.True(await queue.ReplayDeadLetterAsync(deadLetter.MessageId, _ct));
        var replayed = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Equal(sent.MessageId, replayed.Message.MessageId);
        Assert.Equal(1, replayed.DeliveryCount);
        Assert.Empty(await queue.ListDeadLettersAsync(10, _ct));
        Assert.False(await queue.ReplayDeadLetterAsync(deadLetter.MessageId, _ct));
    }

    [Fact]
    public async Task ReplayAllDeadLettersAsync_SeveralDeadLetters_ReplaysEachOnce()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-2", 1), QueueFixture.Message("p-3", 1)], _ct);
        foreach (var received in await queue.ReceiveAsync(10, QueueFixture.Lock, _ct))
        {
            await queue.DeadLetterAsync(received, "Poison", "bad");
        }

        Assert.Equal(3, await queue.ReplayAllDeadLettersAsync(_ct));

        Assert.Equal(3, (await queue.ReceiveAsync(10, QueueFixture.Lock, _ct)).Count);
        Assert.Equal(0, await queue.ReplayAllDeadLettersAsync(_ct));
    }

    [Fact]
    public async Task PurgeDeadLetterAsync_DeadLetter_RemovedAndNotReplayable()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-2", 1)], _ct);
        foreach (var received in await queue.ReceiveAsync(10, QueueFixture.Lock, _ct))
        {
            await queue.DeadLetterAsync(received, "Poison", "bad");
        }

        var deadLetters = await queue.ListDeadLettersAsync(10, _ct);
        Assert.True(await queue.PurgeDeadLetterAsync(deadLetters[0].MessageId, _ct));

        Assert.Equal(deadLetters[1].MessageId, Assert.Single(await queue.ListDeadLettersAsync(10, _ct)).MessageId);
        Assert.False(await queue.ReplayDeadLetterAsync(deadLetters[0].MessageId, _ct));
        Assert.False(await queue.PurgeDeadLetterAsync(deadLetters[0].MessageId, _ct));
        Assert.Equal(0, (await queue.GetStatusAsync(_ct)).Depth);
    }

    [Fact]
    public async Task ReceiveAsync_SamePersonQueued_OnlyOldestHandedOutAndNextAfterComplete()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-1", 2), QueueFixture.Message("p-2", 1)], _ct);

        var batch = await queue.ReceiveAsync(10, QueueFixture.Lock, _ct);

        Assert.Equal(["p-1:1", "p-2:1"], batch.Select(r => $"{r.Message.PersonKey}:{r.Message.Version}"));
        Assert.Empty(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        await queue.CompleteAsync(batch[0]);
        var next = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
        Assert.Equal(("p-1", 2L), (next.Message.PersonKey, next.Message.Version));
    }

    [Fact]
    public async Task ReceiveAsync_HeadAbandoned_SameHeadBeforeTheLaterMessage()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-1", 2)], _ct);

        await queue.AbandonAsync(Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct)));
        var again = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Equal(1, again.Message.Version);
    }

    [Fact]
    public async Task ReceiveAsync_MaxMessages_LimitsBatchInSendOrder()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([.. Enumerable.Range(1, 5).Select(i => QueueFixture.Message($"p-{i}", 1))], _ct);

        var batch = await queue.ReceiveAsync(3, QueueFixture.Lock, _ct);

        Assert.Equal(["p-1", "p-2", "p-3"], batch.Select(r => r.Message.PersonKey));
    }

    [Fact]
    public async Task SendAsync_SameMessageIdTwice_StoredOnce()
    {
        var queue = _fixture.Open();
        var message = QueueFixture.Message("p-1", 1);

        await queue.SendAsync([message, message], _ct);
        await queue.SendAsync([QueueFixture.Message("p-1", 1)], _ct);

        Assert.Equal(1, (await queue.GetStatusAsync(_ct)).Depth);
        Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));
    }

    [Fact]
    public async Task SendAsync_MessageIdInDeadLetters_NotStoredAgain()
    {
        var queue = _fixture.Open();
        var message = QueueFixture.Message("p-1", 1);
        await queue.SendAsync([message], _ct);
        await queue.DeadLetterAsync(Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct)), "Poison", "bad");

        await queue.SendAsync([message], _ct);

        var status = await queue.GetStatusAsync(_ct);
        Assert.Equal(0, status.Depth);
        Assert.Equal(1, status.DeadLetters);
    }

    [Fact]
    public async Task GetStatusAsync_MixedQueue_ReportsDepthInFlightOldestAgeAndDeadLetters()
    {
        var queue = _fixture.Open();
        Assert.Equal(new QueueStatus(0, 0, null, 0), await queue.GetStatusAsync(_ct));

        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-2", 1)], _ct);
        _fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await queue.SendAsync([QueueFixture.Message("p-3", 1), QueueFixture.Message("p-4", 1)], _ct);
        var batch = await queue.ReceiveAsync(2, QueueFixture.Lock, _ct);
        await queue.DeadLetterAsync(batch[1], "Poison", "bad");
        _fixture.Time.Advance(TimeSpan.FromMinutes(3));

        // p-1's 30 s lock expired during the 3 minutes, so nothing is in flight; p-1 (sent 5 minutes ago) is the oldest.
        Assert.Equal(new QueueStatus(3, 0, TimeSpan.FromMinutes(5), 1), await queue.GetStatusAsync(_ct));
        Assert.Equal(2, (await queue.ReceiveAsync(2, QueueFixture.Lock, _ct)).Count);
        Assert.Equal(new QueueStatus(3, 2, TimeSpan.FromMinutes(5), 1), await queue.GetStatusAsync(_ct));
    }

    [Fact]
    public async Task ReceiveAsync_NewInstanceOnSameFile_FindsMessagesSentBefore()
    {
        var sent = QueueFixture.Message("p-1", 1);
        await _fixture.Open().SendAsync([sent], _ct);

        var reopened = _fixture.Open();

        Assert.Equal(sent.MessageId, Assert.Single(await reopened.ReceiveAsync(10, QueueFixture.Lock, _ct)).Message.MessageId);
    }

    [Fact]
    public async Task ReceiveAsync_StoredBodyCorrupt_DeadLettersItAsInvalidAndHandsOutTheRest()
    {
        var queue = _fixture.Open();
        await queue.SendAsync([QueueFixture.Message("p-1", 1), QueueFixture.Message("p-2", 1)], _ct);
        _fixture.Scalar("UPDATE messages SET body = X'7B7D' WHERE person_key = 'p-1';");

        var received = Assert.Single(await queue.ReceiveAsync(10, QueueFixture.Lock, _ct));

        Assert.Equal("p-2", received.Message.PersonKey);
        var deadLetter = Assert.Single(await queue.ListDeadLettersAsync(10, _ct));
        Assert.Equal(SqliteUpdateQueue.InvalidMessageReason, deadLetter.Reason);
        Assert.Contains("'schema'", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_FileAsParentDirectory_ThrowsNamingTheSetting()
    {
        var blocker = Path.Combine(_fixture.Directory, "blocker");
        await File.WriteAllTextAsync(blocker, "not a directory", _ct);
        using var queue = new SqliteUpdateQueue(
            new EmbeddedQueueOptions { Path = Path.Combine(blocker, "queue.db") },
            _fixture.Time,
            NullLogger<SqliteUpdateQueue>.Instance);

        var error = await Assert.ThrowsAsync<EmbeddedQueueException>(() => queue.InitializeAsync(_ct));

        Assert.Contains("SyncBridge:Queue:Embedded:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_FileFromNewerBuild_ThrowsNamingTheSetting()
    {
        await _fixture.Open().InitializeAsync(_ct);
        _fixture.Scalar("PRAGMA user_version = 99;");

        var error = await Assert.ThrowsAsync<EmbeddedQueueException>(() => _fixture.Open().InitializeAsync(_ct));

        Assert.Contains("SyncBridge:Queue:Embedded:Path", error.Message, StringComparison.Ordinal);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_NewFile_CreatesDirectoryAndUsesWal()
    {
        var queue = _fixture.Open();

        await queue.InitializeAsync(_ct);

        Assert.True(File.Exists(_fixture.FilePath));
        Assert.Equal("wal", _fixture.Scalar("PRAGMA journal_mode;") as string);
        Assert.Equal(1L, _fixture.Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task ReceiveAsync_InvalidArguments_Throw()
    {
        var queue = _fixture.Open();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(0, QueueFixture.Lock, _ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(1, TimeSpan.Zero, _ct));
    }
}
