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
}
