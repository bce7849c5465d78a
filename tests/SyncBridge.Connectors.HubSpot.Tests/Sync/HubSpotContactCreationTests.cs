using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Simulators.HubSpot;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

/// <summary>Imported people (no HubSpot record) get a contact created by batch upsert on email, non-marketing.</summary>
public sealed class HubSpotContactCreationTests
{
    private static readonly HubSpotDecisionPropertyMap Map = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PersonDecision Decision(string email = "Ada.Lovelace@Example.org", MarketingReasons reasons = MarketingReasons.Dormant) => new()
    {
        PersonId = "person-1",
        Email = email,
        Stage = LifecycleStage.Lead,
        Score = 12,
        Marketing = MarketingStatus.NonMarketing,
        Reasons = reasons,
    };

    private static readonly SourceRef Imported = new(SourceSystem.Csv, "expo-2026", "A-17");

    [Fact]
    public void CreateTarget_PersonKnownOnlyFromImports_NamesAContactByItsLowerCasedEmail()
    {
        var target = Map.CreateTarget(Decision(), [Imported, new SourceRef(SourceSystem.Unknown, string.Empty, "7")]);

        Assert.Equal(new SourceRef(SourceSystem.HubSpot, "contact", "email:ada.lovelace@example.org"), target);
    }

    [Theory]
    [InlineData(SourceSystem.HubSpot)]
    [InlineData(SourceSystem.Salesforce)]
    [InlineData(SourceSystem.Form)]
    public void CreateTarget_PersonWithARecordOutsideImports_CreatesNothing(SourceSystem system)
    {
        Assert.Null(Map.CreateTarget(Decision(), [Imported, new SourceRef(system, "contact", "1")]));
    }

    [Theory]
    [InlineData("", MarketingReasons.NoEmail)]
    [InlineData("not-an-address", MarketingReasons.InvalidEmail)]
    [InlineData("two@at@example.org", MarketingReasons.Dormant)]
    public void CreateTarget_NoUsableEmail_CreatesNothing(string email, MarketingReasons reasons)
    {
        Assert.Null(Map.CreateTarget(Decision(email, reasons), [Imported]));
    }

    [Fact]
    public void Build_ImportOnlyPerson_AddsTheCreationTargetWithEveryOwnedProperty()
    {
        var builder = new ChangeSetBuilder([Map]);

        var changes = builder.Build(new DecidedPerson(Decision(), [Imported]), new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>(), DateTimeOffset.UnixEpoch);

        var change = Assert.Single(changes.Changes);
        Assert.Equal("email:ada.lovelace@example.org", change.Target.Id);
        Assert.Equal("non_marketing", change.Changed["syncbridge_marketing_decision"]);
        Assert.Equal("lead", change.Changed["lifecyclestage"]);
    }

    [Fact]
    public async Task Write_EmailTargetTwice_CreatesOneNonMarketingContactWithTheSyncBridgeProperties()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 3, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        await host.Services.GetRequiredService<HubSpotPropertyBootstrapper>().EnsurePropertiesAsync(Ct);
        var before = sim.ContactIds().Count;
        var target = Map.CreateTarget(Decision(), [Imported])!.Value;
        var properties = Map.Map(Decision(), "contact");

        var first = await host.Sink.WriteAsync([new ContactUpdate("person-1", target, properties, 1)], Ct);
        var second = await host.Sink.WriteAsync([new ContactUpdate("person-1", target, properties, 2)], Ct);

        Assert.True(Assert.Single(first).Outcome == WriteOutcome.Applied, first[0].Error);
        Assert.Equal(WriteOutcome.Applied, Assert.Single(second).Outcome);
        var ids = sim.ContactIds();
        Assert.Equal(before + 1, ids.Count);
        var created = sim.GetContact(ids.Max())!;
        Assert.Equal("ada.lovelace@example.org", created["email"]);
        Assert.Equal("false", created["hs_marketable_status"]);
        Assert.Equal("non_marketing", created["syncbridge_marketing_decision"]);
        Assert.Equal("dormant", created["syncbridge_marketing_reason"]);
        Assert.Equal("lead", created["lifecyclestage"]);
        Assert.Equal("2", created["syncbridge_version"]);
    }

    [Fact]
    public async Task Write_EmailTargetOfAnExistingContact_UpdatesItInsteadOfCreatingAnother()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 0, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        var existing = sim.CreateContact(new Dictionary<string, string> { ["email"] = "ada.lovelace@example.org", ["hs_marketable_status"] = "true" });
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        await host.Services.GetRequiredService<HubSpotPropertyBootstrapper>().EnsurePropertiesAsync(Ct);
        var target = Map.CreateTarget(Decision(), [Imported])!.Value;

        var results = await host.Sink.WriteAsync([new ContactUpdate("person-1", target, Map.Map(Decision(), "contact"), 5)], Ct);

        Assert.Equal(WriteOutcome.Applied, Assert.Single(results).Outcome);
        Assert.Equal([existing], sim.ContactIds());
        Assert.Equal("true", sim.GetContact(existing)!["hs_marketable_status"]);
        Assert.Equal("non_marketing", sim.GetContact(existing)!["syncbridge_marketing_decision"]);
    }
}
