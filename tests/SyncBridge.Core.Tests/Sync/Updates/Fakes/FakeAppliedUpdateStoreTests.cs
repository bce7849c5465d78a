using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>The fake ledger keeps the contract of <see cref="IAppliedUpdateStore"/> (the consumer tests rely on it).</summary>
public sealed class FakeAppliedUpdateStoreTests
{
    private static readonly Core.Contacts.SourceRef Contact = UpdateWorld.Contact("101");

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(UpdateWorld.Start);
    private readonly FakeAppliedUpdateStore _ledger;

    public FakeAppliedUpdateStoreTests()
    {
        _ledger = new FakeAppliedUpdateStore(_time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset Until => _time.GetUtcNow() + TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ClaimAsync_TwoMessagesForOneTargetInOneCall_FirstClaimedSecondBusy()
    {
        var claims = await _ledger.ClaimAsync("a", [UpdateWorld.Message("p", Contact, 1), UpdateWorld.Message("p", Contact, 2)], Until, Ct);

        Assert.Equal([ClaimStatus.Claimed, ClaimStatus.Busy], claims.Select(c => c.Status));
        Assert.Equal(1, claims[0].Attempts);
        Assert.False(claims[0].InDoubt);
    }

    [Fact]
    public async Task ClaimAsync_SameMessageHeldByAnotherConsumer_BusyUntilExpiryThenTakenOverInDoubt()
    {
        var message = UpdateWorld.Message("p", Contact, 1);
        await _ledger.ClaimAsync("a", [message], Until, Ct);

        var whileHeld = Assert.Single(await _ledger.ClaimAsync("b", [message], Until, Ct));
        _time.Advance(TimeSpan.FromMinutes(2));
        var claim = Assert.Single(await _ledger.ClaimAsync("b", [message], Until, Ct));

        Assert.Equal(ClaimStatus.Busy, whileHeld.Status);
        Assert.Equal((ClaimStatus.Claimed, 2, true), (claim.Status, claim.Attempts, claim.InDoubt));
        Assert.Equal("b", _ledger.ClaimHolder(Contact));
    }

    [Fact]
    public async Task ClaimAsync_OtherMessageHeldByAnotherConsumer_BusyUntilExpiryThenClaimedInDoubt()
    {
        await _ledger.ClaimAsync("a", [UpdateWorld.Message("p", Contact, 2)], Until, Ct);
        var newer = UpdateWorld.Message("p", Contact, 3);

        Assert.Equal(ClaimStatus.Busy, Assert.Single(await _ledger.ClaimAsync("b", [newer], Until, Ct)).Status);

        _time.Advance(TimeSpan.FromMinutes(2));
        var claim = Assert.Single(await _ledger.ClaimAsync("b", [newer], Until, Ct));

        Assert.Equal(ClaimStatus.Claimed, claim.Status);
        Assert.True(claim.InDoubt);
        Assert.Equal(1, claim.Attempts);
    }

    [Fact]
    public async Task ClaimAsync_AfterRelease_NotInDoubtAndCarriesTheError()
    {
        var message = UpdateWorld.Message("p", Contact, 1);
        await _ledger.ClaimAsync("a", [message], Until, Ct);
        await _ledger.ReleaseAsync("a", [(message, "503")], Ct);

        var claim = Assert.Single(await _ledger.ClaimAsync("b", [message], Until, Ct));

        Assert.Equal((ClaimStatus.Claimed, 2, false, "503"), (claim.Status, claim.Attempts, claim.InDoubt, claim.LastError));
    }

    [Fact]
    public async Task RecordAppliedAsync_LowerVersionLater_NeverLowersAndLaterClaimsAreAlreadyApplied()
    {
        await _ledger.RecordAppliedAsync("a", [UpdateWorld.Message("p", Contact, 3)], Ct);
        await _ledger.RecordAppliedAsync("a", [UpdateWorld.Message("p", Contact, 2)], Ct);

        var claims = await _ledger.ClaimAsync("b", [UpdateWorld.Message("p", Contact, 3)], Until, Ct);

        Assert.Equal(3, (await _ledger.GetAppliedVersionsAsync([Contact], Ct))[Contact]);
        Assert.Equal(ClaimStatus.AlreadyApplied, Assert.Single(claims).Status);
        Assert.Empty(await _ledger.GetAppliedVersionsAsync([UpdateWorld.Contact("other")], Ct));
    }
}
