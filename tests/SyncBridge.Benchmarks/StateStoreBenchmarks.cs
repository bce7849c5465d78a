using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage;

namespace SyncBridge.Benchmarks;

/// <summary>
/// The state store's outbox commit (<see cref="IOutboxStore.CommitAsync"/>): one call with <see cref="Persons"/> change
/// sets of 2 changed targets each (a HubSpot contact and a Salesforce lead), in one transaction, on each provider. Every
/// iteration changes every person again (new versions, snapshots replaced, 2 outbox rows per person appended). The
/// PostgreSql case needs the local server: <c>bash infra/local/start-postgresql.sh</c> first (or SYNCBRIDGE_TEST_POSTGRES);
/// it works in a schema of its own, dropped after.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StateStoreBenchmarks
{
    private string _directory = string.Empty;
    private string _schema = string.Empty;
    private ServiceProvider _services = null!;
    private IOutboxStore _outbox = null!;
    private List<PersonChangeSet> _changeSets = [];
    private int _round;

    [Params(5_000, 10_000)]
    public int Persons { get; set; }

    [Params("Sqlite", "PostgreSql")]
    public string Provider { get; set; } = "Sqlite";

    private static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("SYNCBRIDGE_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=5433;Username=syncbridge;Database=syncbridge";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("syncbridge-bench-state-").FullName;
        _schema = "bench_" + Guid.NewGuid().ToString("N");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncBridge:State:Provider"] = Provider,
            ["SyncBridge:State:SqlitePath"] = Path.Combine(_directory, "state.db"),
            ["SyncBridge:State:ConnectionString"] = PostgresConnectionString,
            ["SyncBridge:State:Schema"] = _schema,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStateStore(configuration);
        _services = services.BuildServiceProvider();
        _outbox = _services.GetRequiredService<IOutboxStore>();
    }

    [IterationSetup]
    public void NextRound()
    {
        _round++;
        var value = _round.ToString(CultureInfo.InvariantCulture);
        _changeSets = Enumerable.Range(1, Persons)
            .Select(i =>
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                var decision = new DecisionRecord("p" + id, LifecycleStage.Lead, MarketingStatus.Marketing, "engaged_recently", 40 + (i % 50), Hot: false, DateTimeOffset.UnixEpoch, "{}");
                return new PersonChangeSet(decision, [Change(new SourceRef(SourceSystem.HubSpot, "contact", id), value), Change(new SourceRef(SourceSystem.Salesforce, "Lead", "00Q" + id), value)]);
            })
            .ToList();
    }

    [Benchmark]
    public int Commit() => _outbox.CommitAsync(_changeSets, CancellationToken.None).GetAwaiter().GetResult().Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        if (Provider == "PostgreSql")
        {
            using var connection = new NpgsqlConnection(PostgresConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;", connection);
            drop.ExecuteNonQuery();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static TargetChange Change(SourceRef target, string round)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["lifecyclestage"] = "lead", ["syncbridge_round"] = round };
        return new TargetChange(target, properties, properties);
    }
}
