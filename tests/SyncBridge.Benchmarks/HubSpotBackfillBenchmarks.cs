using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.HubSpot;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Simulators.HubSpot;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Issue 3 Bar: a full backfill of 50,000 contacts against the simulator enforcing 100 requests / 10 s must make
/// at most ⌈50,000/100⌉ + 5 read calls, get zero 429s, and finish within 1.15× the time the quota allows
/// (calls ÷ 10 per second). One iteration: the run waits on the quota by design (~50 s).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class HubSpotBackfillBenchmarks
{
    private const int Contacts = 50_000;

    private HubSpotSimulator _simulator = null!;
    private ServiceProvider _services = null!;
    private long _records;
    private long _errors;
    private TimeSpan _elapsed;

    [GlobalSetup]
    public void Setup()
    {
        _simulator = HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = Contacts, DuplicateEvery = 0, RequestsPer10Seconds = 100 })
            .GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncBridge:HubSpot:BaseUrl"] = _simulator.BaseUrl.ToString(),
            ["SyncBridge:HubSpot:AccessToken"] = "benchmark-token",
            ["SyncBridge:HubSpot:RequestsPer10Seconds"] = "100",
            ["SyncBridge:HubSpot:HeadroomPercent"] = "10",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHubSpot(configuration);
        _services = services.BuildServiceProvider();
    }

    [IterationSetup]
    public void ResetStats() => _simulator.ResetStats();

    [Benchmark(Description = "HubSpot backfill of 50,000 contacts at 100 requests / 10 s")]
    public async Task<long> Backfill50000()
    {
        var source = _services.GetRequiredService<HubSpotContactSource>();
        var stopwatch = Stopwatch.StartNew();
        long records = 0, errors = 0;
        await foreach (var page in source.ReadChangesAsync(null, CancellationToken.None))
        {
            records += page.Contacts.Count;
            errors += page.Errors.Count;
        }

        _elapsed = stopwatch.Elapsed;
        _records = records;
        _errors = errors;
        return records;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var stats = _simulator.GetStats();
        var reads = stats.Requests("contacts.list") + stats.Requests("contacts.search") + stats.Requests("contacts.batch.read");
        var allowed = TimeSpan.FromSeconds(reads / 10.0);
        var ratio = _elapsed / allowed;
        var maxReads = (int)Math.Ceiling(Contacts / 100.0) + 5;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HUBSPOT-BAR contacts={_records} recordErrors={_errors} readCalls={reads} (max {maxReads}) 429s={stats.TotalRateLimited} elapsed={_elapsed.TotalSeconds:F1}s quotaAllowed={allowed.TotalSeconds:F1}s ratio={ratio:F3} (max 1.15) pass={reads <= maxReads && stats.TotalRateLimited == 0 && ratio <= 1.15}"));
        _services.Dispose();
        _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
