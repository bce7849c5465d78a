using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.HubSpot;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Messaging.Amqp;
using SyncBridge.Messaging.Embedded;
using SyncBridge.Simulators.HubSpot;
using SyncBridge.Storage;
using SyncBridge.Testing;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Issue 6: the update path, 10,000 updates per operation batch (2,000 HubSpot contacts × 5 versions), on each
/// transport: publishing (outbox → queue, durable, batches of 500) and consuming-and-applying (receive 200, ledger
/// claim, HubSpot batch update of 100 through the real connector against the simulator with its rate limit off and the
/// connector's quota raised, ledger record, complete). Figures are per message. The RabbitMq case needs the local
/// broker: <c>bash infra/local/start-rabbitmq.sh</c> first (it declares its own quorum queue and deletes it after).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class UpdatePathBenchmarks
{
    private const int Persons = 2_000;
    private const int VersionsPerIteration = 5;
    private const int Messages = Persons * VersionsPerIteration;

    private string _directory = string.Empty;
    private HubSpotSimulator _simulator = null!;
    private ServiceProvider _services = null!;
    private IReadOnlyList<SourceRef> _targets = [];
    private long _version;
    private RabbitMqTestBroker? _broker;

    [Params("Embedded", "RabbitMq")]
    public string Transport { get; set; } = "Embedded";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("syncbridge-bench-updates-").FullName;
        _simulator = HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = Persons, DuplicateEvery = 0, RequestsPer10Seconds = null, SearchRequestsPerSecond = null })
            .GetAwaiter().GetResult();
        var settings = new Dictionary<string, string?>
        {
            ["SyncBridge:HubSpot:BaseUrl"] = _simulator.BaseUrl.ToString(),
            ["SyncBridge:HubSpot:AccessToken"] = "benchmark-token",
            ["SyncBridge:HubSpot:RequestsPer10Seconds"] = "10000",
            ["SyncBridge:State:SqlitePath"] = Path.Combine(_directory, "state.db"),
            ["SyncBridge:Queue:Embedded:Path"] = Path.Combine(_directory, "queue.db"),
        };
        if (Transport == "RabbitMq")
        {
            _broker = new RabbitMqTestBroker();
            _broker.EnsureReachableAsync().GetAwaiter().GetResult();
            settings["SyncBridge:Queue:ServiceBus:ConnectionString"] = _broker.ConnectionString();
            settings["SyncBridge:Queue:ServiceBus:QueueName"] = _broker.CreateQueueAsync("bench-updates").GetAwaiter().GetResult();
            settings["SyncBridge:Queue:ServiceBus:Dialect"] = "RabbitMq";
            settings["SyncBridge:Queue:ServiceBus:VirtualHost"] = _broker.VirtualHost;
            settings["SyncBridge:Queue:ServiceBus:ReceiveWait"] = "00:00:00.500";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHubSpot(configuration);
        services.AddSqliteStateStore(configuration);
        if (_broker is null)
        {
            services.AddEmbeddedUpdateQueue(configuration);
        }
        else
        {
            services.AddAmqpUpdateQueue(configuration);
        }

        services.AddUpdates();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<HubSpotPropertyBootstrapper>().EnsurePropertiesAsync(CancellationToken.None).GetAwaiter().GetResult();
        _targets = _simulator.ContactIds().Take(Persons).Select(id => new SourceRef(SourceSystem.HubSpot, "contact", id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _broker?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup(Target = nameof(DispatchOutbox))]
    public void CommitToOutbox()
    {
        var outbox = _services.GetRequiredService<IOutboxStore>();
        for (var v = 0; v < VersionsPerIteration; v++)
        {
            var round = ++_version;
            var sets = _targets.Select((target, i) => ChangeSet("person-" + i.ToString(CultureInfo.InvariantCulture), target, round)).ToList();
            outbox.CommitAsync(sets, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [Benchmark(Description = "publish: outbox → queue, per message", OperationsPerInvoke = Messages)]
    public async Task<int> DispatchOutbox() => await _services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

    [IterationCleanup(Target = nameof(DispatchOutbox))]
    public void DrainAfterDispatch() => ConsumeAll().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(ConsumeAndApply))]
    public void Enqueue()
    {
        var queue = _services.GetRequiredService<IUpdateQueue>();
        for (var v = 0; v < VersionsPerIteration; v++)
        {
            var version = ++_version;
            var messages = _targets.Select((target, i) => UpdateMessage.Create("person-" + i.ToString(CultureInfo.InvariantCulture), target, Properties(version), version)).ToList();
            foreach (var chunk in messages.Chunk(500))
            {
                queue.SendAsync(chunk, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    [Benchmark(Description = "consume and apply: queue → HubSpot simulator, per message", OperationsPerInvoke = Messages)]
    public Task<int> ConsumeAndApply() => ConsumeAll();

    private async Task<int> ConsumeAll()
    {
        var consumer = _services.GetRequiredService<UpdateConsumer>();
        var applied = 0;
        while (true)
        {
            var result = await consumer.ConsumeOnceAsync(CancellationToken.None);
            if (result.Received == 0)
            {
                return applied;
            }

            if (result.Retried > 0 || result.DeadLettered > 0)
            {
                throw new InvalidOperationException($"the benchmark run had failures: {result}");
            }

            applied += result.Applied;
        }
    }

    private static Dictionary<string, string> Properties(long version) => new(StringComparer.Ordinal)
    {
        ["syncbridge_score"] = (version % 100).ToString("0.00", CultureInfo.InvariantCulture),
        ["syncbridge_hot_lead"] = (version % 2 == 0) ? "true" : "false",
    };

    private static PersonChangeSet ChangeSet(string person, SourceRef target, long version)
    {
        var properties = Properties(version);
        var decision = new DecisionRecord(person, LifecycleStage.Lead, Core.Decisions.MarketingStatus.Marketing, "engaged", version, false, DateTimeOffset.UnixEpoch, string.Empty);
        return new PersonChangeSet(decision, [new TargetChange(target, properties, properties)]);
    }
}
