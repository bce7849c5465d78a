using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class ChangeSetBuilderTests
{
    private static readonly SourceRef HubSpotContact = UpdateWorld.Contact("101");
    private static readonly SourceRef SalesforceLead = UpdateWorld.Lead("00Q1");
    private static readonly DateTimeOffset DecidedAt = UpdateWorld.Start;

    private static readonly Dictionary<SourceRef, IReadOnlyDictionary<string, string>> NoSnapshots = [];

    private readonly ChangeSetBuilder _builder = new([new TestPropertyMap(SourceSystem.HubSpot), new TestPropertyMap(SourceSystem.Salesforce)]);

    [Fact]
    public void Build_FirstWrite_EmitsEveryMappedProperty()
    {
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead, 12.5), [HubSpotContact]);

        var set = _builder.Build(person, NoSnapshots, DecidedAt);

        var change = Assert.Single(set.Changes);
        Assert.Equal(HubSpotContact, change.Target);
        Assert.Equal(
            new Dictionary<string, string> { ["marketing"] = "marketing", ["score"] = "12.5", ["stage"] = "Lead" },
            change.Changed.ToDictionary());
    }

    [Fact]
    public void Build_OneValueChanged_EmitsOnlyThatProperty()
    {
        var snapshots = new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>
        {
            [HubSpotContact] = new Dictionary<string, string> { ["marketing"] = "marketing", ["score"] = "10", ["stage"] = "Lead" },
        };
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.MarketingQualifiedLead), [HubSpotContact]);

        var set = _builder.Build(person, snapshots, DecidedAt);

        var change = Assert.Single(set.Changes);
        Assert.Equal(new Dictionary<string, string> { ["stage"] = "MarketingQualifiedLead" }, change.Changed.ToDictionary());
    }

    [Fact]
    public void Build_SnapshotEqualsWanted_EmitsNothingChanged()
    {
        var snapshots = new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>
        {
            [HubSpotContact] = new Dictionary<string, string> { ["marketing"] = "marketing", ["score"] = "10", ["stage"] = "Lead" },
        };
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [HubSpotContact]);

        var set = _builder.Build(person, snapshots, DecidedAt);

        Assert.Empty(Assert.Single(set.Changes).Changed);
    }

    [Fact]
    public void Build_SnapshotMissingAProperty_EmitsTheMissingOne()
    {
        var snapshots = new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>
        {
            [HubSpotContact] = new Dictionary<string, string> { ["score"] = "10", ["stage"] = "Lead" },
        };
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [HubSpotContact]);

        var set = _builder.Build(person, snapshots, DecidedAt);

        Assert.Equal(new Dictionary<string, string> { ["marketing"] = "marketing" }, Assert.Single(set.Changes).Changed.ToDictionary());
    }

    [Fact]
    public void Build_TargetInSystemWithoutMap_IsSkipped()
    {
        var builder = new ChangeSetBuilder([new TestPropertyMap(SourceSystem.HubSpot)]);
        var csvRow = new SourceRef(SourceSystem.Csv, string.Empty, "row-9");
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [csvRow, HubSpotContact, SalesforceLead]);

        var set = builder.Build(person, NoSnapshots, DecidedAt);

        Assert.Equal([HubSpotContact], set.Changes.Select(c => c.Target));
        Assert.False(builder.Writes(SourceSystem.Salesforce));
        Assert.True(builder.Writes(SourceSystem.HubSpot));
    }

    [Fact]
    public void Build_PartialChange_SnapshotIsTheFullWantedSet()
    {
        var snapshots = new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>
        {
            [SalesforceLead] = new Dictionary<string, string> { ["score"] = "10", ["stage"] = "Lead" },
        };
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Customer), [SalesforceLead]);

        var change = Assert.Single(_builder.Build(person, snapshots, DecidedAt).Changes);

        Assert.Equal(new Dictionary<string, string> { ["score"] = "10", ["stage"] = "Customer" }, change.Snapshot.ToDictionary());
        Assert.Equal(new Dictionary<string, string> { ["stage"] = "Customer" }, change.Changed.ToDictionary());
    }

    [Fact]
    public void Build_SameTargetListedTwice_OneChange()
    {
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead), [HubSpotContact, HubSpotContact]);

        Assert.Single(_builder.Build(person, NoSnapshots, DecidedAt).Changes);
    }

    [Fact]
    public void Build_Decision_RecordCarriesDecisionAndTime()
    {
        var decision = UpdateWorld.Decision("p7", LifecycleStage.SalesQualifiedLead, 42, Core.Decisions.MarketingStatus.NonMarketing);

        var record = _builder.Build(new DecidedPerson(decision, []), NoSnapshots, DecidedAt).Decision;

        Assert.Equal("p7", record.PersonId);
        Assert.Equal(LifecycleStage.SalesQualifiedLead, record.Stage);
        Assert.Equal(Core.Decisions.MarketingStatus.NonMarketing, record.Marketing);
        Assert.Equal(42, record.Score);
        Assert.Equal(DecidedAt, record.DecidedAt);
        Assert.Equal(string.Empty, record.TraceJson);
    }

    [Theory]
    [InlineData("10.4", 10)]
    [InlineData("9.01", 10)]
    [InlineData("10.99", 10)]
    public void Build_OnlyTheScoreDriftedLessThanTheMinimum_IsNoChange(string written, double score)
    {
        var builder = new ChangeSetBuilder([new TestPropertyMap(SourceSystem.HubSpot, "score")], minScoreChange: 1);
        var snapshots = Snapshot(written);
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead, score), [HubSpotContact]);

        var change = Assert.Single(builder.Build(person, snapshots, DecidedAt).Changes);

        Assert.Empty(change.Changed);
    }

    [Theory]
    [InlineData("9", 10)]
    [InlineData("11.5", 10)]
    [InlineData("not a number", 10)]
    public void Build_OnlyTheScoreMovedTheMinimumOrWasUnreadable_WritesIt(string written, double score)
    {
        var builder = new ChangeSetBuilder([new TestPropertyMap(SourceSystem.HubSpot, "score")], minScoreChange: 1);
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead, score), [HubSpotContact]);

        var change = Assert.Single(builder.Build(person, Snapshot(written), DecidedAt).Changes);

        Assert.Equal(new Dictionary<string, string> { ["score"] = "10" }, change.Changed.ToDictionary());
    }

    [Fact]
    public void Build_ScoreDriftedWithAnotherChange_WritesBothAndTheSnapshotHoldsTheNewScore()
    {
        var builder = new ChangeSetBuilder([new TestPropertyMap(SourceSystem.HubSpot, "score")], minScoreChange: 1);
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.MarketingQualifiedLead, 10), [HubSpotContact]);

        var change = Assert.Single(builder.Build(person, Snapshot("10.4"), DecidedAt).Changes);

        Assert.Equal(new Dictionary<string, string> { ["score"] = "10", ["stage"] = "MarketingQualifiedLead" }, change.Changed.ToDictionary());
        Assert.Equal("10", change.Snapshot["score"]);
    }

    [Fact]
    public void Build_MinimumScoreChangeZero_WritesAnyScoreChange()
    {
        var builder = new ChangeSetBuilder([new TestPropertyMap(SourceSystem.HubSpot, "score")], minScoreChange: 0);
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead, 10), [HubSpotContact]);

        var change = Assert.Single(builder.Build(person, Snapshot("10.01"), DecidedAt).Changes);

        Assert.Equal(new Dictionary<string, string> { ["score"] = "10" }, change.Changed.ToDictionary());
    }

    [Fact]
    public void Build_MapWithoutAScoreProperty_WritesEveryScoreChange()
    {
        var builder = new ChangeSetBuilder([new TestPropertyMap(SourceSystem.HubSpot)], minScoreChange: 5);
        var person = new DecidedPerson(UpdateWorld.Decision("p1", LifecycleStage.Lead, 10), [HubSpotContact]);

        var change = Assert.Single(builder.Build(person, Snapshot("10.4"), DecidedAt).Changes);

        Assert.Equal(new Dictionary<string, string> { ["score"] = "10" }, change.Changed.ToDictionary());
    }

    private static Dictionary<SourceRef, IReadOnlyDictionary<string, string>> Snapshot(string score) => new()
    {
        [HubSpotContact] = new Dictionary<string, string> { ["marketing"] = "marketing", ["score"] = score, ["stage"] = "Lead" },
    };
}
