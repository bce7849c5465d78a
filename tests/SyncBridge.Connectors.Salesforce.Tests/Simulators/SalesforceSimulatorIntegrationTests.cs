using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Polling;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Connectors.Salesforce.Writing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Simulators.Salesforce;
using SyncBridge.Testing;

namespace SyncBridge.Connectors.Salesforce.Tests.Simulators;

/// <summary>The real connector against the Salesforce simulator on 127.0.0.1 (issue 4).</summary>
public sealed class SalesforceSimulatorIntegrationTests
{
    private static SalesforceSimulatorOptions TwentyThousand() => new()
    {
        ContactCount = 10_000,
        LeadCount = 9_000,
        ConvertedLeadCount = 1_000,
    };

    [Fact]
    public async Task Backfill_20000LeadsAndContactsWithATokenExpiringMidRun_LosesNothingAndDuplicatesNothing()
    {
        await using var sim = await SalesforceSimulator.StartAsync(TwentyThousand(), TestContext.Current.CancellationToken);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString());
        var state = new InMemoryStateStore();
        var (leads, contacts) = Sources(services);

        var leadPages = await SourcePoller.PollAsync(leads, state, page =>
        {
            if (page == 3)
            {
                sim.ExpireSessions();
            }
        });
        var contactPages = await SourcePoller.PollAsync(contacts, state);

        var leadIds = leadPages.SelectMany(p => p.Contacts).Select(c => c.Source.Id).ToList();
        var contactIds = contactPages.SelectMany(p => p.Contacts).Select(c => c.Source.Id).ToList();
        Assert.Equal(sim.RecordIds("Lead").Order(StringComparer.Ordinal), leadIds.Order(StringComparer.Ordinal));
        Assert.Equal(sim.RecordIds("Contact").Order(StringComparer.Ordinal), contactIds.Order(StringComparer.Ordinal));
        Assert.Equal(20_000, leadIds.Count + contactIds.Count);
        Assert.Empty(leadPages.Concat(contactPages).SelectMany(p => p.Errors));

        var stats = sim.Stats;
        Assert.Equal(2, stats.TokenRequests);
        Assert.Equal(1, stats.Unauthorized);
        Assert.Equal(10, stats.QueryRequests);

        // A converted Lead carries its Contact, so the two resolve to one person.
        var converted = leadPages.SelectMany(p => p.Contacts).Where(c => c.Identities.Count == 2).ToList();
        Assert.Equal(1_000, converted.Count);
        Assert.All(converted, c => Assert.Contains(c.Identities[1].Id, contactIds));
        Assert.All(converted, c => Assert.Equal("Contact", c.Identities[1].ObjectType));
    }

    [Fact]
    public async Task Backfill_SessionsExpireEveryFourCalls_EachExpiryCostsOneTokenRequestAndNoPage()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 6_000, TokenCallLimit = 4 }, TestContext.Current.CancellationToken);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString(), new Dictionary<string, string?> { ["SyncBridge:Salesforce:QueryBatchSize"] = "1000" });
        var (leads, _) = Sources(services);

        var pages = await SourcePoller.PollAsync(leads, new InMemoryStateStore());

        Assert.Equal(6_000, pages.SelectMany(p => p.Contacts).Select(c => c.Source.Id).Distinct().Count());
        Assert.Equal(6, sim.Stats.QueryRequests);
        Assert.Equal(1, sim.Stats.Unauthorized);
        Assert.Equal(2, sim.Stats.TokenRequests);
    }

    [Fact]
    public async Task Incremental_AfterChangesDeletesMergesAndConversions_ReadsExactlyTheChanges()
    {
        // One clock for the org and SyncBridge: the deleted endpoint ignores seconds, so deletions show up once the minute has passed.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var options = TwentyThousand();
        options.TimeProvider = time;
        await using var sim = await SalesforceSimulator.StartAsync(options, TestContext.Current.CancellationToken);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString(), timeProvider: time);
        var state = new InMemoryStateStore();
        var (leads, contacts) = Sources(services);
        await SourcePoller.PollAsync(leads, state);
        await SourcePoller.PollAsync(contacts, state);
        time.Advance(TimeSpan.FromMinutes(1));

        var leadIds = sim.RecordIds("Lead");
        var contactIds = sim.RecordIds("Contact");
        var changedLeads = leadIds.Where((_, i) => i % 37 == 0).ToList();
        var changedContacts = contactIds.Where((_, i) => i % 53 == 0).ToList();
        foreach (var id in changedLeads)
        {
            sim.UpdateRecord(id, new Dictionary<string, object?> { ["Title"] = "Head of Data" });
        }

        foreach (var id in changedContacts)
        {
            sim.UpdateRecord(id, new Dictionary<string, object?> { ["Department"] = "Data" });
        }

        var newLead = sim.CreateLead(50_000);
        var deletedLeads = new[] { leadIds[5], leadIds[6], leadIds[7] };
        foreach (var id in deletedLeads)
        {
            sim.DeleteRecord(id);
        }

        var (master, loser) = (contactIds[100], contactIds[101]);
        sim.MergeRecords(master, loser);
        var convertedLead = leadIds[20];
        var newContact = sim.ConvertLead(convertedLead);

        time.Advance(TimeSpan.FromMinutes(2));
        var leadPages = await SourcePoller.PollAsync(leads, state);
        var contactPages = await SourcePoller.PollAsync(contacts, state);

        var expectedLeads = changedLeads.Except(deletedLeads).Append(newLead).Append(convertedLead).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expectedLeads, leadPages.SelectMany(p => p.Contacts).Select(c => c.Source.Id).Order(StringComparer.Ordinal));
        var expectedContacts = changedContacts.Where(id => id != loser).Append(master).Append(newContact).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expectedContacts, contactPages.SelectMany(p => p.Contacts).Select(c => c.Source.Id).Order(StringComparer.Ordinal));

        Assert.Equal(deletedLeads.Order(StringComparer.Ordinal), leadPages.SelectMany(p => p.Deleted).Select(r => r.Id).Order(StringComparer.Ordinal));
        var merged = contactPages.SelectMany(p => p.MergedInto).Single();
        Assert.Equal(loser, merged.Key.Id);
        Assert.Equal(master, merged.Value.Id);
        var conversion = leadPages.SelectMany(p => p.Contacts).Single(c => c.Source.Id == convertedLead);
        Assert.Contains(new SourceRef(SourceSystem.Salesforce, "Contact", newContact), conversion.Identities);

        // Nothing changed since: the next poll reads nothing new.
        time.Advance(TimeSpan.FromMinutes(2));
        var again = await SourcePoller.PollAsync(leads, state);
        Assert.Empty(again.SelectMany(p => p.Contacts));
        Assert.Empty(again.SelectMany(p => p.Deleted));
    }

    [Fact]
    public async Task Incremental_DeletedLogPurgedPastTheCursor_RereadsEverythingAndReportsTheResync()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 3_000 }, TestContext.Current.CancellationToken);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString());
        var state = new InMemoryStateStore();
        var (leads, _) = Sources(services);
        await SourcePoller.PollAsync(leads, state);

        sim.PurgeDeletedLogBefore(TimeProvider.System.GetUtcNow().AddMinutes(5));
        var pages = await SourcePoller.PollAsync(leads, state);

        Assert.Contains(pages.SelectMany(p => p.Errors), e => e.Location == SalesforceQueryReader.ResyncLocation);
        Assert.Equal(3_000, pages.SelectMany(p => p.Contacts).Select(c => c.Source.Id).Distinct().Count());
    }

    [Fact]
    public async Task Write_450ChangedRecords_UsesThreeCollectionCallsAndReportsPerRecordFailures()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 300, ContactCount = 200 }, TestContext.Current.CancellationToken);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString());
        var sink = services.GetServices<IContactSink>().Single();
        var targets = sim.RecordIds("Lead").Select(id => new SourceRef(SourceSystem.Salesforce, "Lead", id))
            .Concat(sim.RecordIds("Contact").Select(id => new SourceRef(SourceSystem.Salesforce, "Contact", id)))
            .Take(450).ToList();
        var locked = targets[10].Id;
        var deleted = targets[400].Id;
        sim.FailNextWrite(locked, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
        sim.DeleteRecord(deleted);
        var updates = targets.Select((t, i) => new ContactUpdate("person-" + i, t, new Dictionary<string, string>
        {
            [SalesforceWriteBackKeys.Score] = (i % 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SalesforceWriteBackKeys.LifecycleStage] = "marketingqualifiedlead",
        }, 1)).ToList();

        var results = await sink.WriteAsync(updates, TestContext.Current.CancellationToken);

        Assert.Equal(3, sim.Stats.CollectionRequests);
        Assert.Equal(450, results.Count);
        Assert.Equal(WriteOutcome.Transient, results.Single(r => r.Update.Target.Id == locked).Outcome);
        Assert.Equal(WriteOutcome.Rejected, results.Single(r => r.Update.Target.Id == deleted).Outcome);
        Assert.Equal(448, results.Count(r => r.Outcome == WriteOutcome.Applied));
        var written = sim.GetRecord(targets[123].Id)!;
        Assert.Equal(23m, written["SyncBridge_Score__c"]);
        Assert.Equal("marketingqualifiedlead", written["SyncBridge_Lifecycle_Stage__c"]);
    }

    [Fact]
    public async Task Read_DailyAllocationSpent_StopsWithRequestLimitExceeded()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 500, DailyApiLimit = 1_000 }, TestContext.Current.CancellationToken);
        sim.SetApiUsage(1_000);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString(), new Dictionary<string, string?> { ["SyncBridge:Salesforce:DailyAllocationShare"] = "1.0" });
        var (leads, _) = Sources(services);

        var stop = await Assert.ThrowsAsync<SalesforceLimitException>(() => SourcePoller.PollAsync(leads, new InMemoryStateStore()));

        Assert.Equal(SalesforceLimitReason.RequestLimitExceeded, stop.Reason);
        Assert.Equal(1, sim.Stats.LimitExceeded);
    }

    [Fact]
    public async Task Read_ShareOfTheAllocationReachedMidRun_StopsBeforeItWithoutCallingAgain()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 5_000, DailyApiLimit = 1_000 }, TestContext.Current.CancellationToken);
        sim.SetApiUsage(497);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString(), new Dictionary<string, string?>
        {
            ["SyncBridge:Salesforce:DailyAllocationShare"] = "0.5",
            ["SyncBridge:Salesforce:QueryBatchSize"] = "1000",
        });
        var (leads, _) = Sources(services);
        var state = new InMemoryStateStore();

        var stop = await Assert.ThrowsAsync<SalesforceLimitException>(() => SourcePoller.PollAsync(leads, state));

        Assert.Equal(SalesforceLimitReason.AllocationShareReached, stop.Reason);
        Assert.Equal(499, sim.Stats.ApiUsage);
        Assert.Equal(2, state.Saves);
    }

    [Fact]
    public async Task Query_UnknownField_AnswersInvalidFieldAndStatsCountTheCall()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 10 }, TestContext.Current.CancellationToken);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString());
        var api = services.GetRequiredService<ISalesforceApi>();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(async () =>
            SalesforceResponses.Ensure(await api.QueryAsync("65.0", "SELECT Id, Shoe_Size FROM Lead", "batchSize=200", TestContext.Current.CancellationToken)));
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };
        var stats = await http.GetFromJsonAsync<SalesforceSimulatorStats>("_sim/stats", TestContext.Current.CancellationToken);

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Equal(1, stats!.QueryRequests);
        Assert.Equal(10, stats.Leads);
    }

    private static (IContactSource Leads, IContactSource Contacts) Sources(IServiceProvider services)
    {
        var sources = services.GetServices<IContactSource>().ToList();
        return (sources.Single(s => s.Name == SalesforceLeadSource.SourceName), sources.Single(s => s.Name == SalesforceContactSource.SourceName));
    }
}
