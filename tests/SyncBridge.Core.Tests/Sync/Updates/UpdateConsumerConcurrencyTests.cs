using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class UpdateConsumerConcurrencyTests
{
    private const int People = 60;
    private const int Versions = 5;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConsumeOnceAsync_TwoCompetingConsumers_EveryUpdateSettledOnceAndWrittenInIncreasingVersionOrder(bool perPersonOrdering)
    {
        var world = new UpdateWorld(perPersonOrdering);
        var messages = new List<UpdateMessage>();
        for (var version = 1; version <= Versions; version++)
        {
            for (var person = 1; person <= People; person++)
            {
                messages.Add(UpdateWorld.Message($"p{person}", UpdateWorld.Contact($"c{person}"), version));
                if (person % 2 == 0)
                {
                    messages.Add(UpdateWorld.Message($"p{person}", UpdateWorld.Lead($"l{person}"), version));
                }
            }
        }

        await world.Queue.SendAsync(messages, TestContext.Current.CancellationToken);
        UpdateConsumer[] consumers = [world.Consumer("a", batchSize: 16, maxDeliveryCount: 1000), world.Consumer("b", batchSize: 16, maxDeliveryCount: 1000)];

        var totals = await Task.WhenAll(consumers.Select(c => Task.Run(() => DrainAsync(c, world), TestContext.Current.CancellationToken)));

        Assert.Equal(0, world.Queue.Count);
        Assert.Empty(world.Queue.DeadLetters);
        Assert.Equal(messages.Select(m => m.MessageId).Order(StringComparer.Ordinal), world.Queue.Completed.Order(StringComparer.Ordinal));
        Assert.Equal(messages.Count, totals.Sum(t => t.Applied + t.Skipped));
        Assert.All(totals, t => Assert.Equal(0, t.DeadLettered + t.LockLost));
        Assert.False(world.HubSpot.OverlappingWriteSeen);
        Assert.False(world.Salesforce.OverlappingWriteSeen);
        foreach (var target in messages.Select(m => m.Target).Distinct())
        {
            var sink = target.System == SourceSystem.HubSpot ? world.HubSpot : world.Salesforce;
            var written = sink.VersionsWritten(target);
            Assert.True(written.Zip(written.Skip(1)).All(pair => pair.First < pair.Second), $"{target}: {string.Join(",", written)}");
            Assert.Equal(Versions, written[^1]);
            Assert.Equal(Versions, sink.Marker(target));
            Assert.Equal("v5", sink.Record(target)["stage"]);
            Assert.Equal(Versions, world.Ledger.AppliedVersion(target));
            if (perPersonOrdering)
            {
                // One at a time per person: nothing newer is ever seen early, so every version is written, once.
                Assert.Equal(Enumerable.Range(1, Versions).Select(v => (long)v), written);
            }
        }
    }

    private static async Task<ConsumeBatchResult> DrainAsync(UpdateConsumer consumer, UpdateWorld world)
    {
        var total = ConsumeBatchResult.Empty;
        for (var i = 0; i < 20_000 && world.Queue.Count > 0; i++)
        {
            var result = await consumer.ConsumeOnceAsync(TestContext.Current.CancellationToken);
            total = total.Add(result);
            if (result.Received == 0)
            {
                await Task.Yield();
            }
        }

        return total;
    }
}
