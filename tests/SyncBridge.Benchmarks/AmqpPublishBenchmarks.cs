using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Amqp;
using SyncBridge.Testing;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Issue 6's publish bar (aim ≥ 5,000 messages/s) for the AMQP 1.0 transport against the local RabbitMQ broker, and the
/// receive-and-complete rate. THE BROKER MUST BE STARTED FIRST: <c>bash infra/local/start-rabbitmq.sh</c> (address, user
/// and vhost from SYNCBRIDGE_AMQP_* environment variables with the script's defaults). Each run declares its own quorum
/// queue through the management API and deletes it at the end.
/// <para>
/// One operation is one message (<c>OperationsPerInvoke</c>), so messages/s = 1,000,000,000 / Mean(ns).
/// <see cref="Publish"/> sends <see cref="MessagesPerInvoke"/> messages in batches of <see cref="BatchSize"/> (pipelined,
/// durable, each batch awaited until the broker accepted every message); <see cref="ReceiveAndComplete"/> drains the
/// same number, prefilled before the iteration, receiving <see cref="BatchSize"/> at a time and completing each.
/// </para>
/// Run: <c>dotnet run -c Release --project tests/SyncBridge.Benchmarks -- --filter '*AmqpPublishBenchmarks*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AmqpPublishBenchmarks
{
    public const int MessagesPerInvoke = 5_000;

    private RabbitMqTestBroker _broker = null!;
    private AmqpUpdateQueue _queue = null!;
    private string _queueName = null!;
    private List<UpdateMessage> _messages = null!;

    [Params(100, 500)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _broker = new RabbitMqTestBroker();
        _broker.EnsureReachableAsync().GetAwaiter().GetResult();
        _queueName = _broker.CreateQueueAsync("bench").GetAwaiter().GetResult();

        _queue = new AmqpUpdateQueue(
            new ServiceBusTransportOptions
            {
                ConnectionString = _broker.ConnectionString(),
                QueueName = _queueName,
                Dialect = AmqpDialect.RabbitMq,
                VirtualHost = _broker.VirtualHost,
                ReceiveWait = TimeSpan.FromSeconds(2),
                PrefetchCount = 1000,
            },
            TimeProvider.System,
            new WarningConsoleLogger());
        _queue.EnsureQueuesExistAsync(CancellationToken.None).GetAwaiter().GetResult();

        _messages = Enumerable.Range(1, MessagesPerInvoke)
            .Select(i => UpdateMessage.Create(
                "person-" + (i % 1000).ToString(CultureInfo.InvariantCulture),
                new SourceRef(SourceSystem.HubSpot, "contact", "record-" + (i % 1000).ToString(CultureInfo.InvariantCulture)),
                new Dictionary<string, string>
                {
                    ["lifecyclestage"] = "marketingqualifiedlead",
                    ["syncbridge_marketing_decision"] = "marketing",
                    ["syncbridge_marketing_reason"] = "engaged within 90 days",
                },
                i))
            .ToList();
    }

    [IterationCleanup(Target = nameof(Publish))]
    public void EmptyQueue() => _broker.PurgeAsync(_queueName).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(ReceiveAndComplete))]
    public void Prefill()
    {
        EmptyQueue();
        SendAll();
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public void Publish() => SendAll();

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public int ReceiveAndComplete()
    {
        var done = 0;
        while (done < MessagesPerInvoke)
        {
            var batch = _queue.ReceiveAsync(BatchSize, TimeSpan.FromMinutes(5), CancellationToken.None).GetAwaiter().GetResult();
            if (batch.Count == 0)
            {
                throw new InvalidOperationException($"Only {done} of {MessagesPerInvoke} messages came back.");
            }

            foreach (var update in batch)
            {
                _queue.CompleteAsync(update).GetAwaiter().GetResult();
            }

            done += batch.Count;
        }

        return done;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _queue.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _broker.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void SendAll()
    {
        for (var offset = 0; offset < _messages.Count; offset += BatchSize)
        {
            _queue.SendAsync(_messages.GetRange(offset, Math.Min(BatchSize, _messages.Count - offset)), CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>Prints the transport's warnings (reconnects, dead letters) into the benchmark log.</summary>
    private sealed class WarningConsoleLogger : ILogger<AmqpUpdateQueue>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.WriteLine($"AMQP {logLevel}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }
}
