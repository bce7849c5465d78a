using System.Collections.Concurrent;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Embedded;

namespace SyncBridge.Messaging.Tests.Embedded;

/// <summary>Two queue instances on one file, receiving at the same time, as two worker processes would.</summary>
public sealed class SqliteUpdateQueueCompetingConsumerTests : IDisposable
{
    private readonly QueueFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task ReceiveAsync_TwoInstancesOnOneFile_NoMessageHandedOutTwiceWhileLocked()
    {
        var sender = _fixture.Open();
        var sent = Enumerable.Range(1, 60).Select(i => QueueFixture.Message($"p-{i}", 1)).ToList();
        await sender.SendAsync(sent, _ct);
        var first = _fixture.Open();
        var second = _fixture.Open();

        var batches = await Task.WhenAll(
            Task.Run(() => DrainWithoutCompletingAsync(first), _ct),
            Task.Run(() => DrainWithoutCompletingAsync(second), _ct));

        var all = batches.SelectMany(b => b).Select(r => r.Message.MessageId).ToList();
        Assert.Equal(sent.Count, all.Count);
        Assert.Equal(sent.Select(m => m.MessageId).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Empty(await first.ReceiveAsync(100, QueueFixture.Lock, _ct));
        Assert.Empty(await second.ReceiveAsync(100, QueueFixture.Lock, _ct));
        Assert.Equal(60, (await sender.GetStatusAsync(_ct)).InFlight);
    }

    [Fact]
    public async Task ReceiveAsync_TwoInstancesCompeting_EachPersonInOrderAndNeverTwoAtOnce()
    {
        const int Persons = 8;
        const int Versions = 6;
        var sender = _fixture.Open();
        // Person-major send order puts a person's versions next to each other, the layout most likely to break order.
        await sender.SendAsync(
            [.. Enumerable.Range(1, Persons).SelectMany(p => Enumerable.Range(1, Versions).Select(v => QueueFixture.Message($"p-{p}", v)))],
            _ct);

        var applied = new ConcurrentDictionary<string, ConcurrentQueue<long>>(StringComparer.Ordinal);
        var inFlight = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var violations = new ConcurrentQueue<string>();
        var remaining = Persons * Versions;

        async Task ConsumeAsync(SqliteUpdateQueue queue, string name)
        {
            while (Volatile.Read(ref remaining) > 0)
            {
                _ct.ThrowIfCancellationRequested();
                var batch = await queue.ReceiveAsync(5, QueueFixture.Lock, _ct);
                foreach (var update in batch)
                {
                    if (!inFlight.TryAdd(update.Message.PersonKey, name))
                    {
                        violations.Enqueue($"{update.Message.PersonKey} v{update.Message.Version} handed to {name} while held by {inFlight[update.Message.PersonKey]}");
                    }
                }

                foreach (var update in batch)
                {
                    applied.GetOrAdd(update.Message.PersonKey, _ => new ConcurrentQueue<long>()).Enqueue(update.Message.Version);
                    inFlight.TryRemove(update.Message.PersonKey, out _);
                    await queue.CompleteAsync(update);
                    Interlocked.Decrement(ref remaining);
                }

                if (batch.Count == 0)
                {
                    await Task.Yield();
                }
            }
        }

        await Task.WhenAll(
            Task.Run(() => ConsumeAsync(_fixture.Open(), "first"), _ct),
            Task.Run(() => ConsumeAsync(_fixture.Open(), "second"), _ct));

        Assert.Empty(violations);
        Assert.Equal(Persons, applied.Count);
        foreach (var (person, versions) in applied)
        {
            Assert.True(versions.SequenceEqual(Enumerable.Range(1, Versions).Select(v => (long)v)), $"{person}: {string.Join(',', versions)}");
        }

        Assert.Equal(0, (await sender.GetStatusAsync(_ct)).Depth);
    }

    private async Task<List<ReceivedUpdate>> DrainWithoutCompletingAsync(SqliteUpdateQueue queue)
    {
        var received = new List<ReceivedUpdate>();
        while (true)
        {
            var batch = await queue.ReceiveAsync(7, QueueFixture.Lock, _ct);
            if (batch.Count == 0)
            {
                return received;
            }

            received.AddRange(batch);
        }
    }
}
