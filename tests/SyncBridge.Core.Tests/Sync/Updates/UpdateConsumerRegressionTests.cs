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
    /// Issue 6: version 1 fails transiently, version 2 of the same record is then written and the consumer dies
    /// before recording it. On redelivery version 1 comes first: the target already holds version 2, so writing
    /// version 1 would move the record backwards and version 2 would then be written a second time.
    /// </summary>
    [Fact]
    public async Task ConsumeOnceAsync_OlderVersionAfterNewerWriteDiedInDoubt_NeitherWrittenAgain()
    {
        var world = new UpdateWorld();
        await world.SendAsync(UpdateWorld.Message("p1", Contact, 1, "Lead"), UpdateWorld.Message("p1", Contact, 2, "Customer"));
        world.HubSpot.Script(Contact, 1, WriteOutcome.Transient, "503 Service Unavailable");
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
}
