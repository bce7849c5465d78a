using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Connectors.Salesforce.Writing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Simulators.Salesforce;

namespace SyncBridge.Connectors.Salesforce.Tests.Simulators;

/// <summary>The sink against the simulator: the version marker round-trips, and the write log records every write in order.</summary>
public sealed class SalesforceSimulatorWriteLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ContactUpdate Update(SourceRef target, long version, string stage) =>
        new("person-" + target.Id, target, new Dictionary<string, string> { [SalesforceWriteBackKeys.LifecycleStage] = stage }, version);

    [Fact]
    public async Task WriteThenReadVersions_260LeadsAndAContact_ReturnsEachMarkerAndNothingForUntouchedRecords()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 260, ContactCount = 5 }, Ct);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString());
        var sink = services.GetServices<IContactSink>().Single();
        var leads = sim.RecordIds("Lead").Select(id => new SourceRef(SourceSystem.Salesforce, "Lead", id)).ToList();
        var contacts = sim.RecordIds("Contact").Select(id => new SourceRef(SourceSystem.Salesforce, "Contact", id)).ToList();
        var written = leads.Take(250).Select((lead, i) => Update(lead, 100 + i, "lead")).Append(Update(contacts[0], 9, "customer")).ToList();

        var results = await sink.WriteAsync(written, Ct);
        var queriesBefore = sim.Stats.QueryRequests;
        var versions = await sink.ReadVersionsAsync([.. leads, .. contacts], Ct);

        Assert.All(results, r => Assert.Equal(WriteOutcome.Applied, r.Outcome));
        Assert.Equal(251, versions.Count);
        Assert.All(written, update => Assert.Equal(update.Version, versions[update.Target]));
        Assert.DoesNotContain(leads[255], versions.Keys);
        Assert.DoesNotContain(contacts[1], versions.Keys);
        Assert.Equal(3, sim.Stats.QueryRequests - queriesBefore); // 260 Leads in chunks of 200, then the Contacts.
    }

    [Fact]
    public async Task Write_MergedAndSeparateUpdates_WriteLogHoldsEachWriteInOrderWithTimeAndFields()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 2, TimeProvider = clock }, Ct);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString(), timeProvider: clock);
        var sink = services.GetServices<IContactSink>().Single();
        var lead = new SourceRef(SourceSystem.Salesforce, "Lead", sim.RecordIds("Lead")[0]);

        await sink.WriteAsync([Update(lead, 2, "lead"), Update(lead, 1, "subscriber")], Ct);
        clock.Advance(TimeSpan.FromSeconds(5));
        await sink.WriteAsync([Update(lead, 3, "marketingqualifiedlead")], Ct);

        var log = sim.WriteLog.For(lead.Id);
        Assert.Equal(2, log.Count);
        Assert.Equal(["2", "3"], log.Select(w => w.Values["SyncBridge_Version__c"]));
        Assert.Equal(["lead", "marketingqualifiedlead"], log.Select(w => w.Values["SyncBridge_Lifecycle_Stage__c"]));
        Assert.Equal([Start, Start.AddSeconds(5)], log.Select(w => w.At));
        Assert.True(log[0].Sequence < log[1].Sequence);
        Assert.All(log, w => Assert.Equal("composite.sobjects.update", w.Endpoint));
        Assert.Empty(sim.WriteLog.For(sim.RecordIds("Lead")[1]));
        Assert.Equal(3m, sim.GetRecord(lead.Id)!["SyncBridge_Version__c"]);
    }

    [Fact]
    public async Task SimWritesEndpoint_ServesTheWriteLogAsJson()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 2 }, Ct);
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString());
        var sink = services.GetServices<IContactSink>().Single();
        var ids = sim.RecordIds("Lead");
        await sink.WriteAsync([Update(new SourceRef(SourceSystem.Salesforce, "Lead", ids[0]), 4, "lead"), Update(new SourceRef(SourceSystem.Salesforce, "Lead", ids[1]), 6, "lead")], Ct);
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };

        using var all = JsonDocument.Parse(await http.GetStringAsync(new Uri("_sim/writes", UriKind.Relative), Ct));
        using var one = JsonDocument.Parse(await http.GetStringAsync(new Uri("_sim/writes?id=" + ids[1], UriKind.Relative), Ct));

        Assert.Equal(2, all.RootElement.GetProperty("count").GetInt64());
        Assert.Equal(2, all.RootElement.GetProperty("records").EnumerateObject().Count());
        var write = Assert.Single(Assert.Single(one.RootElement.GetProperty("records").EnumerateObject()).Value.EnumerateArray());
        Assert.Equal("6", write.GetProperty("values").GetProperty("SyncBridge_Version__c").GetString());
        Assert.Equal("composite.sobjects.update", write.GetProperty("endpoint").GetString());
    }
}
