using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Simulators.HubSpot;
using SyncBridge.Testing;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

/// <summary>The connector against the HubSpot simulator: nothing lost, nothing duplicated, only changes written.</summary>
public sealed class HubSpotSimulatorSyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HubSpotSimulatorOptions Unlimited(int contacts) => new()
    {
        Contacts = contacts,
        RequestsPer10Seconds = null,
        SearchRequestsPerSecond = null,
    };

    private static List<string> Ids(IEnumerable<ContactPage> pages) => pages.SelectMany(page => page.Contacts).Select(contact => contact.Source.Id).ToList();

    [Fact]
    public async Task ReadChanges_BackfillThenIncrementalOver20000Contacts_LosesNothingAndDuplicatesNothing()
    {
        await using var sim = await HubSpotSimulator.StartAsync(Unlimited(20_000) with { ArchivedEvery = 1_000 }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var store = new InMemoryStateStore();

        var backfill = Ids(await host.RunAsync(store, Ct));

        var expected = sim.ContactIds().Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(expected.Count > 20_000, "the simulator seeds duplicates too");
        Assert.Equal(expected.Count, backfill.Count);
        Assert.Equal(expected.ToHashSet(), backfill.ToHashSet());

        var ids = sim.ContactIds();
        var edited = ids.Where((_, index) => index % 100 == 7).ToList();
        foreach (var id in edited)
        {
            sim.EditContact(id, new Dictionary<string, string> { ["jobtitle"] = "Head of Sync" });
        }

        var created = Enumerable.Range(0, 10).Select(i => sim.CreateContact(new Dictionary<string, string> { ["email"] = $"new{i}@example.org" })).ToList();
        var archived = ids.Where((_, index) => index % 4_000 == 11).ToList();
        foreach (var id in archived)
        {
            sim.Archive(id);
        }

        var incrementalPages = await host.RunAsync(store, Ct);
        var incremental = Ids(incrementalPages);

        var changed = edited.Concat(created).Where(id => !archived.Contains(id)).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(changed.Count, incremental.Count);
        Assert.Equal(changed.ToHashSet(), incremental.ToHashSet());
        Assert.Equal(archived.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(),
            incrementalPages.SelectMany(page => page.Deleted).Select(reference => reference.Id).ToHashSet());
        Assert.All(incrementalPages, page => Assert.Empty(page.Errors));

        // A run with no changes re-reads the overlap window and delivers nothing twice.
        var quiet = await host.RunAsync(store, Ct);
        Assert.Empty(Ids(quiet));
        Assert.Empty(quiet.SelectMany(page => page.Deleted));
        Assert.Equal(0, sim.GetStats().TotalRateLimited);
    }

    [Fact]
    public async Task ReadChanges_WindowsOverTheCapAndMoreThanTheCapAtOneTimestamp_DeliversEachContactOnce()
    {
        await using var sim = await HubSpotSimulator.StartAsync(Unlimited(21_000) with { DuplicateEvery = 0 }, Ct);
        var ids = sim.ContactIds();
        var shared = new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero);

        // HubSpot's monthly job touches 12,000 contacts in the same millisecond.
        sim.Touch(ids.Skip(4_000).Take(12_000), shared);
        using var host = HubSpotTestHost.Create(sim.BaseUrl, settings => settings["SyncBridge:HubSpot:ReadArchived"] = "false");
        var since = new SourceCursor(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), string.Empty, "{}");

        var pages = new List<ContactPage>();
        await foreach (var page in host.Source.ReadChangesAsync(since, Ct))
        {
            pages.Add(page);
        }

        var delivered = Ids(pages);
        Assert.Equal(ids.Count, delivered.Count);
        Assert.Equal(ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(), delivered.ToHashSet());

        // Cursors only move forward in (timestamp, id) order.
        for (var i = 1; i < pages.Count; i++)
        {
            var before = pages[i - 1].Cursor;
            var after = pages[i].Cursor;
            Assert.True(after.Timestamp > before.Timestamp || (after.Timestamp == before.Timestamp && long.Parse(after.Id, System.Globalization.CultureInfo.InvariantCulture) >= long.Parse(before.Id, System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(0, sim.GetStats().TotalRateLimited);
    }

    [Fact]
    public async Task Write_OnePercentChanged_WritesOnlyThoseContactsAndOnlyTheChangedProperties()
    {
        await using var sim = await HubSpotSimulator.StartAsync(Unlimited(10_000) with { DuplicateEvery = 0 }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var bootstrapper = host.Services.GetService(typeof(HubSpotPropertyBootstrapper)) as HubSpotPropertyBootstrapper;
        Assert.NotNull(bootstrapper);
        Assert.Equal(6, (await bootstrapper.EnsurePropertiesAsync(Ct)).Count);
        Assert.Empty(await bootstrapper.EnsurePropertiesAsync(Ct));
        var store = new InMemoryStateStore();
        await host.RunAsync(store, Ct);

        var changedIds = sim.ContactIds().Where((_, index) => index % 100 == 0).ToList();
        foreach (var id in changedIds)
        {
            sim.EditContact(id, new Dictionary<string, string> { ["jobtitle"] = "VP of Everything" });
        }

        sim.ResetStats();
        var changed = (await host.RunAsync(store, Ct)).SelectMany(page => page.Contacts).ToList();
        var updates = changed.Select(contact => new ContactUpdate("p" + contact.Source.Id, contact.Source,
            new Dictionary<string, string> { ["syncbridge_score"] = "87", ["syncbridge_hot_lead"] = "true" }, 1)).ToList();
        var results = await host.Sink.WriteAsync(updates, Ct);

        Assert.Equal(100, changed.Count);
        Assert.All(results, result => Assert.Equal(WriteOutcome.Applied, result.Outcome));
        var writes = sim.Writes();
        Assert.Equal(changedIds.ToHashSet(), writes.Select(write => write.ContactId).ToHashSet());
        Assert.Equal(100, writes.Count);
        Assert.All(writes, write => Assert.Equal(["syncbridge_hot_lead", "syncbridge_score", "syncbridge_version"], write.Properties.Keys.Order(StringComparer.Ordinal)));
        Assert.Equal(1, sim.GetStats().Requests("contacts.batch.update"));
    }

    [Fact]
    public async Task MoveBackward_LifecycleStage_ClearsThenSetsWhileAPlainWriteIsRejected()
    {
        await using var sim = await HubSpotSimulator.StartAsync(Unlimited(0), Ct);
        var id = sim.CreateContact(new Dictionary<string, string> { ["email"] = "stage@example.org", ["lifecyclestage"] = "customer" });
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        await ((HubSpotPropertyBootstrapper)host.Services.GetService(typeof(HubSpotPropertyBootstrapper))!).EnsurePropertiesAsync(Ct);
        var target = new SourceRef(SourceSystem.HubSpot, "contact", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var plain = await host.Sink.WriteAsync([new ContactUpdate("p", target, new Dictionary<string, string> { ["lifecyclestage"] = "lead" }, 1)], Ct);
        var lifecycle = (IHubSpotLifecycleOperator)host.Services.GetService(typeof(IHubSpotLifecycleOperator))!;
        var moved = await lifecycle.MoveBackwardAsync(target.Id, LifecycleStage.Lead, "p", Ct);

        Assert.Equal(WriteOutcome.Rejected, Assert.Single(plain).Outcome);
        Assert.Contains("backward", plain[0].Error, StringComparison.Ordinal);
        Assert.Equal(WriteOutcome.Applied, moved.Outcome);
        Assert.Equal("lead", sim.GetContact(id)!["lifecyclestage"]);
        Assert.Equal(3, sim.GetStats().Requests("contacts.batch.update"));
    }

    [Fact]
    public async Task ReadChanges_ClientQuotaMatchesServerWindow_GetsNo429()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 2_400, DuplicateEvery = 0, RequestsPer10Seconds = 20 }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl, settings =>
        {
            settings["SyncBridge:HubSpot:RequestsPer10Seconds"] = "20";
            settings["SyncBridge:HubSpot:HeadroomPercent"] = "10";
        });

        var pages = await host.RunAsync(new InMemoryStateStore(), Ct);

        Assert.Equal(2_400, Ids(pages).Count);
        var stats = sim.GetStats();
        Assert.Equal(0, stats.TotalRateLimited);
        Assert.Equal(24, stats.Requests("contacts.list"));
    }
}
