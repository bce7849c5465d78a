using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.Salesforce;
using SyncBridge.Connectors.Salesforce.Writing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Simulators.Salesforce;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Issue 4's bar against the Salesforce simulator: a backfill of 50,000 Leads+Contacts in at most
/// ⌈50,000/2,000⌉ + 5 = 30 query calls, and 10,000 changed records written in at most 50 + 5 = 55 collection calls.
/// Each iteration prints the calls it used (lines starting with "SALESFORCE-BAR") and fails when over the bar.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class SalesforceBenchmarks
{
    private const int Records = 50_000;
    private const int Writes = 10_000;
    private const long QueryBar = (Records + 1999) / 2000 + 5;
    private const long CollectionBar = 50 + 5;

    private SalesforceSimulator _simulator = null!;
    private ServiceProvider _services = null!;
    private List<IContactSource> _sources = null!;
    private IContactSink _sink = null!;
    private List<SourceRef> _targets = null!;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _simulator = SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { ContactCount = Records / 2, LeadCount = Records / 2 }).GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncBridge:Salesforce:LoginUrl"] = _simulator.BaseUrl.ToString(),
            ["SyncBridge:Salesforce:ClientId"] = _simulator.Options.ClientId,
            ["SyncBridge:Salesforce:ClientSecret"] = _simulator.Options.ClientSecret,
            ["SyncBridge:Salesforce:QueryBatchSize"] = "2000",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSalesforce(configuration);
        _services = services.BuildServiceProvider();
        _sources = _services.GetServices<IContactSource>().Where(s => s.Name.StartsWith("salesforce:", StringComparison.Ordinal)).ToList();
        _sink = _services.GetServices<IContactSink>().Single(s => s.System == SourceSystem.Salesforce);
        _targets = _simulator.RecordIds("Lead").Select(id => new SourceRef(SourceSystem.Salesforce, "Lead", id))
            .Concat(_simulator.RecordIds("Contact").Select(id => new SourceRef(SourceSystem.Salesforce, "Contact", id)))
            .Where((_, i) => i % 5 == 0)
            .Take(Writes)
            .ToList();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Start the simulator seeded with 50,000 Leads+Contacts")]
    public async Task<int> SeedSimulator()
    {
        await using var simulator = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { Seed = _simulator.Options.Seed + 1, ContactCount = Records / 2, LeadCount = Records / 2 });
        return simulator.Stats.Leads + simulator.Stats.Contacts;
    }

    [Benchmark(Description = "Backfill 50,000 Leads+Contacts")]
    public async Task<int> Backfill()
    {
        var before = _simulator.Stats.QueryRequests;
        var read = 0;
        foreach (var source in _sources)
        {
            await foreach (var page in source.ReadChangesAsync(null, CancellationToken.None))
            {
                read += page.Contacts.Count + page.Errors.Count;
            }
        }

        var calls = _simulator.Stats.QueryRequests - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SALESFORCE-BAR backfill: {read} records, {calls} query calls (bar {QueryBar})"));
        if (read != Records || calls > QueryBar)
        {
            throw new InvalidOperationException($"backfill read {read} records in {calls} query calls; the bar is {Records} in at most {QueryBar}");
        }

        return read;
    }

    [Benchmark(Description = "Write 10,000 changed records")]
    public async Task<int> WriteChanged()
    {
        var round = Interlocked.Increment(ref _round);
        var updates = _targets.Select((target, i) => new ContactUpdate(
            "person-" + i.ToString(CultureInfo.InvariantCulture),
            target,
            new Dictionary<string, string>
            {
                [SalesforceWriteBackKeys.Score] = ((i + round) % 100).ToString(CultureInfo.InvariantCulture),
                [SalesforceWriteBackKeys.HotLead] = (i + round) % 7 == 0 ? "true" : "false",
            },
            round)).ToList();
        var before = _simulator.Stats.CollectionRequests;

        var results = await _sink.WriteAsync(updates, CancellationToken.None);

        var calls = _simulator.Stats.CollectionRequests - before;
        var applied = results.Count(r => r.Outcome == WriteOutcome.Applied);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SALESFORCE-BAR write: {applied} applied, {calls} collection calls (bar {CollectionBar})"));
        if (applied != Writes || calls > CollectionBar)
        {
            throw new InvalidOperationException($"wrote {applied} records in {calls} collection calls; the bar is {Writes} in at most {CollectionBar}");
        }

        return applied;
    }
}
