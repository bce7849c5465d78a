using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Issue 7: the wall time of <c>plan --live</c> with 5,000 simulated people, the whole verb in-process as an operator
/// runs it (host start, the built-in simulators seeded and started, every source polled into the state store, the
/// population decided, diffed against the snapshots, printed as JSON). <see cref="FreshStore"/> true starts each
/// operation on an empty state store (the first plan: a full backfill); false on a store already polled (a plan
/// after an earlier one: the polls read nothing new).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PlanLiveBenchmarks
{
    private const int People = 5_000;

    private string _directory = string.Empty;
    private string _config = string.Empty;

    [Params(true, false)]
    public bool FreshStore { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("syncbridge-bench-plan-").FullName;
        _config = Path.Combine(_directory, "settings.json");
        var state = Path.Combine(_directory, "state.db").Replace("\\", "\\\\", StringComparison.Ordinal);
        File.WriteAllText(_config,
            "{\"Serilog\":{\"MinimumLevel\":{\"Default\":\"Warning\"}},\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + state + "\"},\"Simulators\":{\"People\":" + People + "}}}");
        if (!FreshStore)
        {
            Plan();
        }
    }

    [IterationSetup]
    public void EmptyTheStore()
    {
        if (FreshStore)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(_directory, "state.db*"))
            {
                File.Delete(file);
            }
        }
    }

    [Benchmark]
    public int PlanLive() => Plan();

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private int Plan()
    {
        var code = SyncBridgeCli.InvokeAsync(["plan", "--live", "--format", "json", "--config", _config], new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System))
            .GetAwaiter().GetResult();
        return code == 0 ? code : throw new InvalidOperationException($"plan --live exited with {code}");
    }
}
