using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Sync;
using SyncBridge.Simulators.HubSpot;
using SyncBridge.Testing;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

public sealed class HubSpotSimulatorReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadChanges_RecordShowingUpLateInsideTheOverlap_IsDeliveredOnceAndOthersNotAgain()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 300, DuplicateEvery = 0, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var store = new InMemoryStateStore();

        // An incremental cursor after every seeded contact (no backfill floor).
        await store.SaveCursorAsync(host.Source.Name, new SourceCursor(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), string.Empty, "{}"), Ct);
        var ids = sim.ContactIds();
        foreach (var id in ids.Take(5))
        {
            sim.EditContact(id, new Dictionary<string, string> { ["jobtitle"] = "first wave" });
        }

        var first = await host.RunAsync(store, Ct);
        var cursor = (await store.GetCursorAsync(host.Source.Name, Ct))!;

        // The search index surfaces a change stamped 30 s before the cursor (lag), inside the 2-minute overlap.
        sim.EditContact(ids[200], new Dictionary<string, string> { ["jobtitle"] = "late" }, cursor.Timestamp.AddSeconds(-30));
        var second = await host.RunAsync(store, Ct);

        Assert.Equal(5, first.SelectMany(page => page.Contacts).Count());
        var late = Assert.Single(second.SelectMany(page => page.Contacts));
        Assert.Equal(ids[200].ToString(System.Globalization.CultureInfo.InvariantCulture), late.Source.Id);
    }

    [Fact]
    public async Task FormSubmissionsAndEmailStatus_AreReadThroughTheSharedPipeline()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 200, DuplicateEvery = 0 }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var forms = host.Services.GetRequiredService<IHubSpotFormsApi>();
        var preferences = host.Services.GetRequiredService<IHubSpotCommunicationPreferencesApi>();
        var email = sim.GetContact(sim.ContactIds()[0])!["email"];
        var optedOut = sim.GetContact(sim.ContactIds()[0])!["hs_email_optout"] == "true";

        var page = await forms.GetSubmissionsAsync(sim.Options.FormGuid, 50, null, Ct);
        var next = await forms.GetSubmissionsAsync(sim.Options.FormGuid, 50, page.Paging!.Next!.After, Ct);
        var status = await preferences.GetEmailStatusAsync(email, Ct);

        Assert.Equal(50, page.Results!.Count);
        Assert.NotEmpty(next.Results!);
        Assert.Contains(page.Results[0].Values!, value => value.Name == "email" && value.Value!.Contains('@', StringComparison.Ordinal));
        Assert.True(page.Results[0].SubmittedAt >= page.Results[^1].SubmittedAt);
        Assert.Equal(email, status.Recipient);
        Assert.Equal(optedOut ? "NOT_SUBSCRIBED" : "SUBSCRIBED", Assert.Single(status.SubscriptionStatuses!).Status);
        Assert.Equal(3, sim.GetStats().TotalRequests);
    }

    [Fact]
    public async Task Bootstrapper_LifecycleStages_AreReadFromThePortal()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions(), Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl, settings => settings["SyncBridge:HubSpot:ApiGeneration"] = "v3");
        var bootstrapper = host.Services.GetRequiredService<HubSpotPropertyBootstrapper>();

        var stages = await bootstrapper.ReadLifecycleStagesAsync(Ct);

        Assert.Equal(["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"], stages);
        Assert.Equal(1, sim.GetStats().Requests("properties.get"));
    }

    [Fact]
    public async Task ReadChanges_ResumedMidBackfill_ContinuesFromTheSavedPage()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 1_000, DuplicateEvery = 0, RequestsPer10Seconds = null }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var store = new InMemoryStateStore();
        var delivered = new List<string>();
        await foreach (var page in host.Source.ReadChangesAsync(null, Ct))
        {
            delivered.AddRange(page.Contacts.Select(contact => contact.Source.Id));
            await store.SaveCursorAsync(host.Source.Name, page.Cursor, Ct);
            if (delivered.Count == 300)
            {
                break;
            }
        }

        var rest = await host.RunAsync(store, Ct);
        delivered.AddRange(rest.SelectMany(page => page.Contacts).Select(contact => contact.Source.Id));

        Assert.Equal(1_000, delivered.Count);
        Assert.Equal(1_000, delivered.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10, sim.GetStats().Requests("contacts.list"));
    }

    [Fact]
    public async Task ReadChanges_SimulatorDailyLimitSpent_StopsTheSourceWithTheResetTime()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 500, DuplicateEvery = 0, DailyLimit = 2 }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var store = new InMemoryStateStore();

        var error = await Assert.ThrowsAsync<HubSpotDailyLimitReachedException>(() => host.RunAsync(store, Ct));
        await Assert.ThrowsAsync<HubSpotDailyLimitReachedException>(() => host.RunAsync(store, Ct));

        Assert.True(error.ResetsAt > DateTimeOffset.UnixEpoch);
        Assert.Equal(2, store.Saves);
        Assert.Equal(1, sim.GetStats().RateLimitedByPolicy["DAILY"]);
        Assert.Equal(3, sim.GetStats().Requests("contacts.list"));
    }
}
