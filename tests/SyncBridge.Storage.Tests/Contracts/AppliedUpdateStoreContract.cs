using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Tests.Sqlite;
using static SyncBridge.Storage.Tests.Sqlite.ChangeSets;

namespace SyncBridge.Storage.Tests.Contracts;

/// <summary>The behaviour of <see cref="IAppliedUpdateStore"/> every provider has.</summary>
public abstract class AppliedUpdateStoreContract : IAsyncDisposable
{
    private static readonly TimeSpan Lock = TimeSpan.FromMinutes(1);

    private readonly StoreBackend _backend;
    private readonly FakeTimeProvider _time = new(StoreFactory.Start);
    private readonly StoreSet _state;
    private readonly IAppliedUpdateStore _ledger;

    protected AppliedUpdateStoreContract(StoreBackend backend)
    {
        _backend = backend;
        _state = backend.Open(_time);
        _ledger = _state.Ledger;
    }

    public async ValueTask DisposeAsync()
    {
        _state.Dispose();
        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset Until => _time.GetUtcNow() + Lock;

    private static UpdateMessage Message(SourceRef target, long version, string person = "p1") =>
        UpdateMessage.Create(person, target, new Dictionary<string, string> { ["lifecyclestage"] = "lead" }, version);

    private async Task<UpdateClaim> ClaimOneAsync(string consumer, UpdateMessage message) =>
        Assert.Single(await _ledger.ClaimAsync(consumer, [message], Until, Ct));

    [Fact]
    public async Task ClaimAsync_FirstClaim_IsClaimedOnFirstAttemptNotInDoubt()
    {
        var message = Message(HubSpot("1"), 1);

        var claim = await ClaimOneAsync("c1", message);

        Assert.Equal(new UpdateClaim(message, ClaimStatus.Claimed, 1, false, string.Empty), claim);
    }

    [Fact]
    public async Task ClaimAsync_VersionNotNewerThanApplied_IsAlreadyApplied()
    {
        await ClaimOneAsync("c1", Message(HubSpot("1"), 2));
        await _ledger.RecordAppliedAsync("c1", [Message(HubSpot("1"), 2)], Ct);

        var claims = await _ledger.ClaimAsync("c2", [Message(HubSpot("1"), 1), Message(HubSpot("1"), 2), Message(HubSpot("2"), 1)], Until, Ct);

        Assert.Equal([ClaimStatus.AlreadyApplied, ClaimStatus.AlreadyApplied, ClaimStatus.Claimed], claims.Select(c => c.Status));
        Assert.Equal(ClaimStatus.Claimed, (await ClaimOneAsync("c2", Message(HubSpot("1"), 3))).Status);
    }

    [Fact]
    public async Task ClaimAsync_OtherConsumersClaimOfAnotherMessageLasts_IsBusyUntilItExpires()
    {
        var message = Message(HubSpot("1"), 1);
        var newer = Message(HubSpot("1"), 2);
        await ClaimOneAsync("c1", message);

        var busy = await ClaimOneAsync("c2", newer);
        _time.Advance(Lock - TimeSpan.FromSeconds(1));
        var stillBusy = await ClaimOneAsync("c2", newer);
        _time.Advance(TimeSpan.FromSeconds(2));
        var takenOver = await ClaimOneAsync("c2", newer);

        Assert.Equal(ClaimStatus.Busy, busy.Status);
        Assert.Equal(ClaimStatus.Busy, stillBusy.Status);
        Assert.Equal(ClaimStatus.Claimed, takenOver.Status);
        Assert.Equal(ClaimStatus.Busy, (await ClaimOneAsync("c1", Message(HubSpot("1"), 3))).Status);
    }

    [Fact]
    public async Task ExtendClaimsAsync_HoldersOpenClaim_LastsUntilTheNewExpiryAndOthersAreLeftAlone()
    {
        var mine = Message(HubSpot("1"), 1);
        var theirs = Message(HubSpot("2"), 1);
        await ClaimOneAsync("c1", mine);
        await ClaimOneAsync("c2", theirs);

        _time.Advance(Lock - TimeSpan.FromSeconds(10));
        var extended = await _ledger.ExtendClaimsAsync("c1", [mine, theirs], Until, Ct);
        var notEarlier = await _ledger.ExtendClaimsAsync("c1", [mine], _time.GetUtcNow(), Ct);
        _time.Advance(TimeSpan.FromSeconds(20)); // past the first expiry, inside the extended one

        Assert.Equal(1, extended); // c2's claim is not c1's to extend
        Assert.Equal(0, notEarlier);
        Assert.Equal(ClaimStatus.Busy, (await ClaimOneAsync("c3", Message(HubSpot("1"), 2))).Status);
        Assert.Equal(ClaimStatus.Claimed, (await ClaimOneAsync("c3", Message(HubSpot("2"), 2))).Status);
        await _ledger.RecordAppliedAsync("c1", [mine], Ct);
        Assert.Equal(0, await _ledger.ExtendClaimsAsync("c1", [mine], Until, Ct)); // settled: nothing left to extend
    }

    [Fact]
    public async Task ClaimAsync_SameMessageHandedToAnotherConsumerWhileTheOldClaimLasts_BusyUntilItExpiresThenInDoubt()
    {
        // The first holder may have died with its write still in flight: nobody reads or writes the target until its
        // claim expired, then the next claim checks the target first.
        var message = Message(HubSpot("1"), 1);
        await ClaimOneAsync("c1", message);

        var whileHeld = await ClaimOneAsync("c2", message);
        _time.Advance(Lock + TimeSpan.FromSeconds(1));
        var afterExpiry = await ClaimOneAsync("c2", message);

        Assert.Equal(ClaimStatus.Busy, whileHeld.Status);
        Assert.Equal(new UpdateClaim(message, ClaimStatus.Claimed, 2, true, string.Empty), afterExpiry);
    }

    [Fact]
    public async Task ClaimAsync_TwoMessagesForOneTargetInOneCall_ClaimsTheFirstOnly()
    {
        var claims = await _ledger.ClaimAsync("c1", [Message(HubSpot("1"), 1), Message(HubSpot("1"), 2), Message(Lead("00Q1"), 1)], Until, Ct);

        Assert.Equal([ClaimStatus.Claimed, ClaimStatus.Busy, ClaimStatus.Claimed], claims.Select(c => c.Status));
    }

    [Fact]
    public async Task ClaimAsync_AfterAClaimNeverReleasedOrApplied_IsInDoubtAndCountsTheAttempt()
    {
        var message = Message(HubSpot("1"), 1);
        await ClaimOneAsync("c1", message);
        _time.Advance(Lock + TimeSpan.FromSeconds(1));

        var second = await ClaimOneAsync("c2", message);

        Assert.Equal(new UpdateClaim(message, ClaimStatus.Claimed, 2, true, string.Empty), second);
    }

    [Fact]
    public async Task ClaimAsync_AfterAnotherMessagesClaimNeverSettled_IsInDoubt()
    {
        // A dead consumer may have written v2 without recording it; v1 arriving later must check the target first.
        await ClaimOneAsync("c1", Message(HubSpot("1"), 2));
        _time.Advance(Lock + TimeSpan.FromSeconds(1));

        var older = await ClaimOneAsync("c2", Message(HubSpot("1"), 1));

        Assert.Equal(ClaimStatus.Claimed, older.Status);
        Assert.True(older.InDoubt);
        Assert.Equal(1, older.Attempts);
    }

    [Fact]
    public async Task ClaimAsync_AfterRelease_KeepsTheLastErrorAndIsNotInDoubt()
    {
        var message = Message(HubSpot("1"), 1);
        await ClaimOneAsync("c1", message);
        await _ledger.ReleaseAsync("c1", [(message, "HubSpot 503: service unavailable")], Ct);

        var second = await ClaimOneAsync("c2", message);
        await _ledger.ReleaseAsync("c2", [(message, "HubSpot 429: rate limited")], Ct);
        var third = await ClaimOneAsync("c1", message);

        Assert.Equal(new UpdateClaim(message, ClaimStatus.Claimed, 2, false, "HubSpot 503: service unavailable"), second);
        Assert.Equal(new UpdateClaim(message, ClaimStatus.Claimed, 3, false, "HubSpot 429: rate limited"), third);
    }

    [Fact]
    public async Task ClaimAsync_ANewerMessage_StartsItsAttemptsAndErrorAfresh()
    {
        var first = Message(HubSpot("1"), 1);
        await ClaimOneAsync("c1", first);
        await _ledger.ReleaseAsync("c1", [(first, "boom")], Ct);
        await ClaimOneAsync("c1", first);
        await _ledger.ReleaseAsync("c1", [(first, "boom again")], Ct);

        var newer = await ClaimOneAsync("c1", Message(HubSpot("1"), 2));

        Assert.Equal(1, newer.Attempts);
        Assert.Equal(string.Empty, newer.LastError);
        Assert.False(newer.InDoubt);
    }

    [Fact]
    public async Task ReleaseAsync_NotTheCallersClaim_LeavesTheHolderAlone()
    {
        var message = Message(HubSpot("1"), 1);
        await ClaimOneAsync("c1", message);

        await _ledger.ReleaseAsync("c2", [(message, "not mine")], Ct);

        Assert.Equal(ClaimStatus.Busy, (await ClaimOneAsync("c2", message)).Status);
    }

    [Fact]
    public async Task ReleaseAsync_ThenClaimByAnother_IsClaimedBeforeTheOldExpiry()
    {
        var message = Message(HubSpot("1"), 1);
        await ClaimOneAsync("c1", message);

        await _ledger.ReleaseAsync("c1", [(message, "timeout")], Ct);

        Assert.Equal(ClaimStatus.Claimed, (await ClaimOneAsync("c2", message)).Status);
    }

    [Fact]
    public async Task RecordAppliedAsync_OlderVersionAfterNewer_NeverLowersTheAppliedVersion()
    {
        await _ledger.RecordAppliedAsync("c1", [Message(HubSpot("1"), 3)], Ct);
        await _ledger.RecordAppliedAsync("c1", [Message(HubSpot("1"), 2), Message(Lead("00Q1"), 5)], Ct);

        var versions = await _ledger.GetAppliedVersionsAsync([HubSpot("1"), Lead("00Q1"), HubSpot("404")], Ct);

        Assert.Equal(new Dictionary<SourceRef, long> { [HubSpot("1")] = 3, [Lead("00Q1")] = 5 }, versions);
    }

    [Fact]
    public async Task RecordAppliedAsync_EndsTheClaimSoAnotherConsumerCanClaimTheNextVersion()
    {
        var message = Message(HubSpot("1"), 1);
        await ClaimOneAsync("c1", message);

        await _ledger.RecordAppliedAsync("c1", [message], Ct);

        var next = await ClaimOneAsync("c2", Message(HubSpot("1"), 2));
        Assert.Equal(new UpdateClaim(next.Message, ClaimStatus.Claimed, 1, false, string.Empty), next);
    }

    [Fact]
    public async Task GetAppliedVersionsAsync_ClaimedButNotApplied_IsAbsent()
    {
        await ClaimOneAsync("c1", Message(HubSpot("1"), 1));

        Assert.Empty(await _ledger.GetAppliedVersionsAsync([HubSpot("1")], Ct));
    }

    [Fact]
    public async Task ClaimAsync_FourStoreInstancesClaimingTheSameBatches_ClaimEachMessageExactlyOnceAndStayBusyForTheOthers()
    {
        var messages = Enumerable.Range(1, 120)
            .Select(i => Message(HubSpot(i.ToString(CultureInfo.InvariantCulture)), 2, "p" + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        // Version 1 applied first, so every target already has its ledger row when the instances race for version 2.
        await _ledger.RecordAppliedAsync("setup", [.. messages.Select(m => Message(m.Target, 1, m.PersonKey))], Ct);
        var others = Enumerable.Range(0, 3).Select(_ => _backend.Open(_time)).ToList();
        try
        {
            var stores = new[] { _ledger }.Concat(others.Select(o => o.Ledger)).ToList();
            var outcomes = new ConcurrentBag<(string MessageId, string Consumer, ClaimStatus Status)>();

            // Every instance claims every message, in batches of 8 that overlap differently (rotated start, reversed order).
            await Task.WhenAll(stores.Select((store, n) => Task.Run(
                async () =>
                {
                    var consumer = "c" + n.ToString(CultureInfo.InvariantCulture);
                    var order = messages.Skip(n * 30).Concat(messages.Take(n * 30));
                    foreach (var batch in (n % 2 == 0 ? order : order.Reverse()).Chunk(8))
                    {
                        foreach (var claim in await store.ClaimAsync(consumer, batch, Until, Ct))
                        {
                            outcomes.Add((claim.Message.MessageId, consumer, claim.Status));
                        }
                    }
                },
                Ct)));

            var claimed = outcomes.Where(o => o.Status == ClaimStatus.Claimed).ToList();
            Assert.Equal(messages.Count, claimed.Count);
            Assert.Equal(messages.Select(m => m.MessageId).Order(StringComparer.Ordinal), claimed.Select(c => c.MessageId).Order(StringComparer.Ordinal));
            Assert.Equal(messages.Count * 3, outcomes.Count(o => o.Status == ClaimStatus.Busy));
        }
        finally
        {
            others.ForEach(o => o.Dispose());
        }
    }

    [Fact]
    public async Task ClaimAsync_TwoStoreInstancesCompeting_ClaimEachMessageExactlyOnce()
    {
        var messages = Enumerable.Range(1, 300)
            .Select(i => Message(HubSpot(i.ToString(CultureInfo.InvariantCulture)), 1, "p" + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        using var otherState = _backend.Open(_time);
        await _state.InitializeAsync(Ct);
        await otherState.InitializeAsync(Ct);
        var stores = new IAppliedUpdateStore[] { _ledger, otherState.Ledger };
        var claimedBy = new ConcurrentDictionary<string, ConcurrentBag<string>>(StringComparer.Ordinal);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(n => Task.Run(
            async () =>
            {
                var consumer = "c" + n.ToString(CultureInfo.InvariantCulture);
                foreach (var batch in (n == 0 ? messages : Enumerable.Reverse(messages)).Chunk(10))
                {
                    foreach (var claim in await stores[n].ClaimAsync(consumer, batch, Until, Ct))
                    {
                        if (claim.Status == ClaimStatus.Claimed)
                        {
                            claimedBy.GetOrAdd(claim.Message.MessageId, _ => []).Add(consumer);
                        }
                    }
                }
            },
            Ct)));

        Assert.Equal(messages.Count, claimedBy.Count);
        Assert.All(claimedBy.Values, consumers => Assert.Single(consumers));
    }
}
