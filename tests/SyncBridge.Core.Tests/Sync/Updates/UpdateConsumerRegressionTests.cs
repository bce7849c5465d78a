using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

/// <summary>Issue 6: cases found while testing the consumer.</summary>
public sealed class UpdateConsumerRegressionTests
{
    private static readonly SourceRef Contact = UpdateWorld.Contact("101");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Issue 6: version 1 is out with another receiver, version 2 of the same record is written and its consumer dies
    /// before recording it. On redelivery version 1 comes first: the target already holds version 2, so writing
    /// version 1 would move the record backwards and version 2 would then be written a second time.
    /// </summary>
    [Fact]
    public async Task ConsumeOnceAsync_OlderVersionAfterNewerWriteDiedInDoubt_NeitherWrittenAgain()
    {
        var world = new UpdateWorld();
        await world.SendAsync(UpdateWorld.Message("p1", Contact, 1, "Lead"), UpdateWorld.Message("p1", Contact, 2, "Customer"));
        Assert.Equal(1L, Assert.Single(await world.Queue.ReceiveAsync(1, UpdateWorld.LockDuration, Ct)).Message.Version);
        world.HubSpot.CrashAfterWriteOf(u => u.Version == 2, new OperationCanceledException("consumer process killed"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Consumer("dies").ConsumeOnceAsync(Ct));
        Assert.Equal([2L], world.HubSpot.VersionsWritten(Contact));
        world.ExpireLocks();

        var result = await world.Consumer("b").ConsumeOnceAsync(Ct);

        Assert.Equal(2, result.Applied);
        Assert.Equal([2L], world.HubSpot.VersionsWritten(Contact));
        Assert.Equal("Customer", world.HubSpot.Record(Contact)["stage"]);
        Assert.Equal(2, world.HubSpot.Marker(Contact));
        Assert.Equal(2, world.Ledger.AppliedVersion(Contact));
        Assert.Equal(0, world.Queue.Count);
    }

    /// <summary>
    /// Issue 6: messages carry only the properties that changed, so version 2 does not repeat version 1's other
    /// changes. When version 1 fails transiently and version 2 of the same record (same receive, next round) were
    /// written, version 1 would then be skipped as older than the applied one and its score would never arrive.
    /// </summary>
    [Fact]
    public async Task ConsumeOnceAsync_OlderVersionFailsTransiently_NewerVersionOfThatTargetHeldBackInTheSameReceive()
    {
        var world = new UpdateWorld();
        var v1 = Core.Sync.Queue.UpdateMessage.Create("p1", Contact, new Dictionary<string, string> { ["score"] = "80", ["stage"] = "Lead" }, 1);
        var v2 = Core.Sync.Queue.UpdateMessage.Create("p1", Contact, new Dictionary<string, string> { ["stage"] = "MarketingQualifiedLead" }, 2);
        var other = UpdateWorld.Message("p2", UpdateWorld.Contact("202"), 1);
        await world.Queue.SendAsync([v1, v2, other], Ct);
        world.HubSpot.Script(Contact, 1, WriteOutcome.Transient, "UNABLE_TO_LOCK_ROW");
        var consumer = world.Consumer("a");

        var first = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal([UpdateWorld.Contact("202")], world.HubSpot.Applied.Select(u => u.Target));
        Assert.Equal(new(3, 1, 0, 1, 1, 0, 0), first);
        Assert.Equal(2, world.Queue.Count);

        var second = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(2, second.Applied);
        Assert.Equal([1L, 2L], world.HubSpot.VersionsWritten(Contact));
        Assert.Equal(
            new Dictionary<string, string> { ["score"] = "80", ["stage"] = "MarketingQualifiedLead" },
            world.HubSpot.Record(Contact).ToDictionary());
    }
}
