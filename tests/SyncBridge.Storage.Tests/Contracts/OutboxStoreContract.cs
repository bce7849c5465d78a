using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Tests.Sqlite;
using static SyncBridge.Storage.Tests.Sqlite.ChangeSets;

namespace SyncBridge.Storage.Tests.Contracts;

/// <summary>The behaviour of <see cref="IOutboxStore"/> every provider has.</summary>
public abstract class OutboxStoreContract(StoreBackend backend) : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(StoreFactory.Start);

    protected StoreBackend Backend => backend;

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (StoreSet State, IOutboxStore Outbox) Open()
    {
        var state = backend.Open(_time);
        return (state, state.Outbox);
    }

    private long Count(string sql) => backend.Count(sql);

    [Fact]
    public async Task PurgeSentAsync_DeletesOnlyMessagesSentBeforeTheCutOff()
    {
        var (state, outbox) = Open();
        using var _ = state;
        await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("lifecyclestage", "lead"))), Set("p2", Change(HubSpot("2"), ("lifecyclestage", "lead"))), Set("p3", Change(HubSpot("3"), ("lifecyclestage", "lead")))], Ct);
        var rows = await outbox.ReadPendingAsync(10, Ct);
        await outbox.MarkSentAsync([rows[0].Id], Ct);
        _time.Advance(TimeSpan.FromDays(2));
        await outbox.MarkSentAsync([rows[1].Id], Ct);
        _time.Advance(TimeSpan.FromDays(2));

        var purged = await outbox.PurgeSentAsync(_time.GetUtcNow() - TimeSpan.FromDays(3), Ct);

        Assert.Equal(1, purged); // sent 4 days ago; the one sent 2 days ago stays, and the pending one is never touched
        Assert.Equal(2, Count("SELECT COUNT(*) FROM outbox;"));
        Assert.Equal([rows[2].Id], (await outbox.ReadPendingAsync(10, Ct)).Select(e => e.Id));
        Assert.Equal(0, await outbox.PurgeSentAsync(_time.GetUtcNow() - TimeSpan.FromDays(3), Ct));
    }

    [Fact]
    public async Task CommitAsync_ThenMarkSent_PendingUntilMarkedThenGone()
    {
        var (state, outbox) = Open();
        using var _ = state;

        var appended = await outbox.CommitAsync(
            [Set("p1", Change(HubSpot("1"), ("lifecyclestage", "lead")), Change(Lead("00Q1"), ("Status", "Open"))), Set("p2", Change(HubSpot("2"), ("lifecyclestage", "customer")))],
            Ct);

        var pending = await outbox.ReadPendingAsync(10, Ct);
        Assert.Equal(3, appended.Count);
        Assert.Equal(appended.Select(m => m.MessageId), pending.Select(e => e.Message.MessageId));
        Assert.True(pending[0].Id < pending[1].Id && pending[1].Id < pending[2].Id);
        Assert.Equal("lead", pending[0].Message.Properties["lifecyclestage"]);
        Assert.Equal(Lead("00Q1"), pending[1].Message.Target);
        Assert.Equal(new OutboxStatus(3, StoreFactory.Start), await outbox.GetOutboxStatusAsync(Ct));

        await outbox.MarkSentAsync([pending[0].Id, pending[1].Id, 999_999], Ct);

        var left = await outbox.ReadPendingAsync(10, Ct);
        Assert.Equal([pending[2].Id], left.Select(e => e.Id));
        Assert.Equal(1, (await outbox.GetOutboxStatusAsync(Ct)).Pending);

        await outbox.MarkSentAsync([pending[2].Id], Ct);
        Assert.Empty(await outbox.ReadPendingAsync(10, Ct));
        Assert.Equal(new OutboxStatus(0, null), await outbox.GetOutboxStatusAsync(Ct));
    }

    [Fact]
    public async Task ReadPendingAsync_MoreThanMax_ReturnsTheOldestMax()
    {
        var (state, outbox) = Open();
        using var _ = state;
        var appended = await outbox.CommitAsync([.. Enumerable.Range(1, 5).Select(i => Set("p" + i, Change(HubSpot(i.ToString(CultureInfo.InvariantCulture)), ("a", "b"))))], Ct);

        var pending = await outbox.ReadPendingAsync(2, Ct);

        Assert.Equal(appended.Take(2).Select(m => m.MessageId), pending.Select(e => e.Message.MessageId));
    }

    [Fact]
    public async Task GetOutboxStatusAsync_OldestPending_ReportsItsCommitTime()
    {
        var (state, outbox) = Open();
        using var _ = state;
        await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "1")))], Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        await outbox.CommitAsync([Set("p2", Change(HubSpot("2"), ("a", "2")))], Ct);
        var first = (await outbox.ReadPendingAsync(1, Ct))[0];

        await outbox.MarkSentAsync([first.Id], Ct);

        Assert.Equal(new OutboxStatus(1, StoreFactory.Start.AddMinutes(5)), await outbox.GetOutboxStatusAsync(Ct));
    }

    [Fact]
    public async Task CommitAsync_InvalidChangeSetHalfWay_LeavesNoDecisionSnapshotVersionOrOutboxRow()
    {
        var (state, outbox) = Open();
        using var _ = state;
        await outbox.CommitAsync([Set("p0", Change(HubSpot("0"), ("a", "before")))], Ct);
        var unknownTarget = new SourceRef(SourceSystem.Unknown, "contact", "9");

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.CommitAsync(
            [
                Set("p0", Change(HubSpot("0"), ("a", "after"))),
                Set("p1", Change(HubSpot("1"), ("a", "x"))),
                Set("p2", Change(HubSpot("2"), ("a", "y")), Change(unknownTarget, ("a", "z"))),
                Set("p3", Change(HubSpot("3"), ("a", "w"))),
            ],
            Ct));

        Assert.Null(await outbox.GetDecisionAsync("p1", Ct));
        Assert.Null(await outbox.GetDecisionAsync("p2", Ct));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM decisions;"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM target_snapshots;"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM outbox;"));
        Assert.Equal(1, Count("SELECT version FROM decision_versions WHERE person_id = 'p0';"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM decision_versions WHERE person_id <> 'p0';"));
        var snapshot = await outbox.GetSnapshotsAsync([HubSpot("0")], Ct);
        Assert.Equal("before", snapshot[HubSpot("0")]["a"]);
    }

    [Fact]
    public async Task CommitAsync_SeveralCommits_VersionRisesByOnePerCommitThatChangedSomething()
    {
        var (state, outbox) = Open();
        using var _ = state;

        var first = await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "1"))), Set("p2", Change(HubSpot("2"), ("a", "1")))], Ct);
        var nothing = await outbox.CommitAsync([Set("p1", Unchanged(HubSpot("1"), ("a", "1")))], Ct);
        var second = await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "2")), Change(Lead("00Q1"), ("b", "2")))], Ct);
        var twiceInOne = await outbox.CommitAsync(
            [Set("p1", Change(HubSpot("1"), ("a", "3"))), Set("p2", Change(HubSpot("2"), ("a", "2"))), Set("p1", Change(HubSpot("1"), ("a", "4")))],
            Ct);

        Assert.Equal([1L, 1L], first.Select(m => m.Version));
        Assert.Empty(nothing);
        Assert.Equal([2L, 2L], second.Select(m => m.Version));
        Assert.Equal([("p1", 3L), ("p2", 2L), ("p1", 4L)], twiceInOne.Select(m => (m.PersonKey, m.Version)));
        Assert.Equal(4, Count("SELECT version FROM decision_versions WHERE person_id = 'p1';"));
        Assert.Equal("4", (await outbox.GetSnapshotsAsync([HubSpot("1")], Ct))[HubSpot("1")]["a"]);
    }

    [Fact]
    public async Task CommitAsync_NothingChanged_SavesTheDecisionWithoutOutboxRowOrVersion()
    {
        var (state, outbox) = Open();
        using var _ = state;
        var changeSet = new PersonChangeSet(Decision("p1", LifecycleStage.Customer, 88.25), [Unchanged(HubSpot("1"), ("a", "1"))]);

        var appended = await outbox.CommitAsync([changeSet], Ct);

        Assert.Empty(appended);
        Assert.Equal(changeSet.Decision, await outbox.GetDecisionAsync("p1", Ct));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outbox;"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM decision_versions;"));
        Assert.Empty(await outbox.GetSnapshotsAsync([HubSpot("1")], Ct));
    }

    [Fact]
    public async Task CommitAsync_LaterDecision_ReplacesTheDecision()
    {
        var (state, outbox) = Open();
        using var _ = state;
        await outbox.CommitAsync([new PersonChangeSet(Decision("p1", LifecycleStage.Lead), [])], Ct);
        var later = Decision("p1", LifecycleStage.Opportunity, 91) with { Hot = true, DecidedAt = StoreFactory.Start.AddHours(1), TraceJson = string.Empty };

        await outbox.CommitAsync([new PersonChangeSet(later, [])], Ct);

        Assert.Equal(later, await outbox.GetDecisionAsync("p1", Ct));
        Assert.Null(await outbox.GetDecisionAsync("p9", Ct));
    }

    [Fact]
    public async Task CommitAsync_ChangedTarget_ReplacesItsSnapshotAndKeepsUnchangedOnes()
    {
        var (state, outbox) = Open();
        using var _ = state;
        await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "1"), ("b", "1")), Change(Lead("00Q1"), ("s", "Open")))], Ct);

        await outbox.CommitAsync(
            [Set("p1", new TargetChange(HubSpot("1"), new Dictionary<string, string> { ["a"] = "2" }, new Dictionary<string, string> { ["a"] = "2" }), Unchanged(Lead("00Q1"), ("s", "Ignored")))],
            Ct);

        var snapshots = await outbox.GetSnapshotsAsync([HubSpot("1"), Lead("00Q1"), HubSpot("404")], Ct);
        Assert.Equal(2, snapshots.Count);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2" }, snapshots[HubSpot("1")]);
        Assert.Equal(new Dictionary<string, string> { ["s"] = "Open" }, snapshots[Lead("00Q1")]);
        Assert.Equal(2, Count("SELECT version FROM target_snapshots WHERE record_id = '1';"));
    }

    [Fact]
    public async Task CommitAsync_Messages_HaveDeterministicIdsAndTheWholeSnapshot()
    {
        var (state, outbox) = Open();
        using var _ = state;
        var change = new TargetChange(
            HubSpot("1"),
            new Dictionary<string, string> { ["a"] = "1", ["b"] = "same" },
            new Dictionary<string, string> { ["a"] = "1", ["c"] = string.Empty });

        var appended = await outbox.CommitAsync([Set("p1", change)], Ct);
        var pending = await outbox.ReadPendingAsync(10, Ct);

        var message = Assert.Single(pending).Message;
        Assert.Equal(UpdateMessage.ComputeMessageId("p1", HubSpot("1"), 1), message.MessageId);
        Assert.Equal(appended[0].MessageId, message.MessageId);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "same" }, message.Properties);
        Assert.Equal(message.MessageId, backend.Scalar("SELECT message_id FROM outbox;"));
        Assert.Equal(
            UpdateMessageSerializer.Serialize(UpdateMessage.Create("p1", HubSpot("1"), change.Snapshot, 1)),
            (byte[])backend.Scalar("SELECT body FROM outbox;")!);
    }

    [Fact]
    public async Task CommitAsync_AfterReopeningTheFile_KeepsPendingDecisionsAndVersions()
    {
        using (var state = backend.Open(_time))
        {
            await state.Outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "1")))], Ct);
        }

        using var reopened = backend.Open(_time);
        var outbox = reopened.Outbox;
        var pending = await outbox.ReadPendingAsync(10, Ct);
        var next = await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "2")))], Ct);

        Assert.Equal(UpdateMessage.ComputeMessageId("p1", HubSpot("1"), 1), Assert.Single(pending).Message.MessageId);
        Assert.NotNull(await outbox.GetDecisionAsync("p1", Ct));
        Assert.Equal(2, Assert.Single(next).Version);
    }

    [Fact]
    public async Task CommitAsync_TenThousandPersonsWithTwoTargets_CommitsEveryRowInOneCall()
    {
        var (state, outbox) = Open();
        using var _ = state;
        await state.InitializeAsync(Ct);
        var changeSets = Enumerable.Range(1, 10_000)
            .Select(i =>
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                return Set("p" + id, Change(HubSpot(id), ("lifecyclestage", "lead"), ("syncbridge_marketing_decision", "marketing")), Change(Lead("00Q" + id), ("Status", "Working")));
            })
            .ToList();

        var clock = Stopwatch.StartNew();
        var appended = await outbox.CommitAsync(changeSets, Ct);
        clock.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"CommitAsync of 10,000 persons x 2 targets: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(20_000, appended.Count);
        Assert.Equal(20_000, Count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL;"));
        Assert.Equal(10_000, Count("SELECT COUNT(*) FROM decisions;"));
        Assert.Equal(20_000, Count("SELECT COUNT(*) FROM target_snapshots;"));
    }

    [Fact]
    public async Task CommitAsync_OneTargetTwiceInAChangeSet_ThrowsAndWritesNothing()
    {
        var (state, outbox) = Open();
        using var _ = state;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => outbox.CommitAsync(
            [Set("p1", Change(HubSpot("1"), ("a", "1"))), Set("p2", Change(HubSpot("2"), ("a", "1")), Change(HubSpot("2"), ("b", "1")))],
            Ct));

        Assert.Contains("hubspot:contact:2", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outbox;"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM decisions;"));
    }

    [Fact]
    public async Task CommitAsync_TwoStoreInstancesCommittingOnePerson_GiveEveryCommitItsOwnVersion()
    {
        using var first = backend.Open(_time);
        using var second = backend.Open(_time);
        await first.InitializeAsync(Ct);
        await second.InitializeAsync(Ct);
        var outboxes = new[] { first.Outbox, second.Outbox };

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(n => Task.Run(
            async () =>
            {
                var versions = new List<long>();
                for (var i = 0; i < 20; i++)
                {
                    var appended = await outboxes[n].CommitAsync([Set("p1", Change(HubSpot("1"), ("a", $"{n}-{i}")))], Ct);
                    versions.Add(Assert.Single(appended).Version);
                }

                return versions;
            },
            Ct)));

        Assert.Equal(Enumerable.Range(1, 40).Select(v => (long)v), results.SelectMany(v => v).Order());
        Assert.All(results, versions => Assert.Equal(versions.Order(), versions));
        Assert.Equal(40, Count("SELECT COUNT(DISTINCT message_id) FROM outbox;"));
    }
}
