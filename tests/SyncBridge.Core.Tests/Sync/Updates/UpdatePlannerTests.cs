using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class UpdatePlannerTests
{
    private static readonly SourceRef HubSpotContact = UpdateWorld.Contact("101");
    private static readonly SourceRef SalesforceLead = UpdateWorld.Lead("00Q1");

    private readonly FakeTimeProvider _time = new(UpdateWorld.Start);
    private readonly FakeOutboxStore _outbox;
    private readonly UpdatePlanner _planner;

    public UpdatePlannerTests()
    {
        _outbox = new FakeOutboxStore(_time);
        _planner = new UpdatePlanner(_outbox, [new TestPropertyMap(SourceSystem.HubSpot), new TestPropertyMap(SourceSystem.Salesforce)], Options.Create(new OutboxOptions()), _time, NullLogger<UpdatePlanner>.Instance);
    }

    [Fact]
    public async Task CommitAsync_NewPerson_CommitsOnceWithOneMessagePerTargetAtVersionOne()
    {
        var people = new[] { new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [HubSpotContact, SalesforceLead]) };

        var result = await _planner.CommitAsync(people, TestContext.Current.CancellationToken);

        Assert.Equal(1, _outbox.CommitCalls);
        Assert.Equal(1, result.Decisions);
        Assert.Equal([HubSpotContact, SalesforceLead], result.Messages.Select(m => m.Target));
        Assert.All(result.Messages, m => Assert.Equal(1, m.Version));
        Assert.All(result.Messages, m => Assert.Equal("p1", m.PersonKey));
        Assert.Equal(UpdateMessage.ComputeMessageId("p1", HubSpotContact, 1), result.Messages[0].MessageId);
        var stored = await _outbox.GetDecisionAsync("p1", TestContext.Current.CancellationToken);
        Assert.Equal(LifecycleStage.Lead, stored?.Stage);
        Assert.Equal(UpdateWorld.Start, stored?.DecidedAt);
    }

    [Fact]
    public async Task CommitAsync_SameDecisionsTwice_SecondAddsNoMessages()
    {
        var people = new[] { new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [HubSpotContact, SalesforceLead]) };
        await _planner.CommitAsync(people, TestContext.Current.CancellationToken);

        var second = await _planner.CommitAsync(people, TestContext.Current.CancellationToken);

        Assert.Empty(second.Messages);
        Assert.Equal(1, second.Decisions);
        Assert.Equal(2, _outbox.AllMessages.Count);
        Assert.Equal(1, _outbox.VersionOf("p1"));
    }

    [Fact]
    public async Task CommitAsync_StageMoves_NextVersionCarriesTheWholeOwnedSetWithTheChange()
    {
        await _planner.CommitAsync([new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [HubSpotContact])], TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromHours(1));

        var result = await _planner.CommitAsync([new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Customer), [HubSpotContact])], TestContext.Current.CancellationToken);

        var message = Assert.Single(result.Messages);
        Assert.Equal(2, message.Version);
        var wanted = new TestPropertyMap(SourceSystem.HubSpot).Map(UpdateWorld.Decision("p1", LifecycleStage.Customer), HubSpotContact.ObjectType);
        Assert.Equal(wanted.ToDictionary(), message.Properties.ToDictionary());
        Assert.Equal("Customer", message.Properties["stage"]);
        Assert.Equal(UpdateWorld.Start.AddHours(1), (await _outbox.GetDecisionAsync("p1", TestContext.Current.CancellationToken))?.DecidedAt);
    }

    [Fact]
    public async Task CommitAsync_NoPeople_DoesNotCommit()
    {
        var result = await _planner.CommitAsync([], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Decisions);
        Assert.Equal(0, _outbox.CommitCalls);
    }

    [Fact]
    public async Task CommitAsync_OnlyUnmappedTargets_SavesDecisionWithoutMessages()
    {
        var csvRow = new SourceRef(SourceSystem.Csv, string.Empty, "row-1");

        var result = await _planner.CommitAsync([new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [csvRow])], TestContext.Current.CancellationToken);

        Assert.Empty(result.Messages);
        Assert.NotNull(await _outbox.GetDecisionAsync("p1", TestContext.Current.CancellationToken));
        Assert.Equal(0, _outbox.VersionOf("p1"));
    }
}
