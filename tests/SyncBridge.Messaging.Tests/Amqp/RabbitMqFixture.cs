using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Amqp;
using SyncBridge.Testing;

namespace SyncBridge.Messaging.Tests.Amqp;

/// <summary>
/// The RabbitMQ broker started by <c>infra/local/start-rabbitmq.sh</c> (address, user and vhost from SYNCBRIDGE_AMQP_*
/// environment variables, with the script's defaults). Tests FAIL when it is not reachable. Each test declares its own
/// quorum queue and dead-letter queue through the broker's management API (loopback only) and they are deleted at the end.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    public const string StartHint = RabbitMqTestBroker.StartHint;

    private readonly RabbitMqTestBroker _broker = new();
    private readonly List<AmqpUpdateQueue> _opened = [];
    private readonly List<TcpForwarder> _forwarders = [];
    private readonly List<HttpClient> _clients = [];

    public string Host => _broker.Host;

    public int Port => _broker.Port;

    public string User => _broker.User;

    public string Password => _broker.Password;

    public string VirtualHost => _broker.VirtualHost;

    public async ValueTask InitializeAsync() => await _broker.EnsureReachableAsync();

    /// <summary>Declares a quorum queue (unique name from <paramref name="prefix"/>) dead-lettering to its own dead-letter queue.</summary>
    public Task<string> CreateQueueAsync(string prefix, int deliveryLimit = 5, bool withDeadLetterQueue = true) =>
        _broker.CreateQueueAsync(prefix, deliveryLimit, withDeadLetterQueue);

    /// <summary>A transport on <paramref name="queueName"/>, through <paramref name="port"/> when given (a forwarder).</summary>
    internal AmqpUpdateQueue Open(
        string queueName, TimeProvider? time = null, int? port = null, Action<ServiceBusTransportOptions>? configure = null, bool withManagementApi = false)
    {
        var options = new ServiceBusTransportOptions
        {
            ConnectionString = _broker.ConnectionString(port),
            QueueName = queueName,
            Dialect = AmqpDialect.RabbitMq,
            VirtualHost = VirtualHost,
            ReceiveWait = TimeSpan.FromMilliseconds(700),
            OperationTimeout = TimeSpan.FromSeconds(10),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            ReconnectMaxAttempts = 10,
        };
        configure?.Invoke(options);
        IRabbitMqManagementApi? management = null;
        if (withManagementApi)
        {
            options.ManagementEndpoint = _broker.ManagementEndpoint.GetLeftPart(UriPartial.Authority);
            var client = new HttpClient(new RabbitMqManagementAuthHandler(options) { InnerHandler = new HttpClientHandler() })
            {
                BaseAddress = new Uri(options.ManagementEndpoint),
            };
            _clients.Add(client);
            management = RestService.ForGenerated<IRabbitMqManagementApi>(client);
        }

        var queue = new AmqpUpdateQueue(options, time ?? TimeProvider.System, NullLogger<AmqpUpdateQueue>.Instance, management);
        lock (_opened)
        {
            _opened.Add(queue);
        }

        return queue;
    }

    /// <summary>A TCP forwarder to the broker whose connections a test can cut.</summary>
    internal TcpForwarder Forwarder()
    {
        var forwarder = new TcpForwarder(Host, Port);
        lock (_forwarders)
        {
            _forwarders.Add(forwarder);
        }

        return forwarder;
    }

    public static UpdateMessage Message(string person, long version) =>
        UpdateMessage.Create(
            person,
            new SourceRef(SourceSystem.HubSpot, "contact", $"{person}-record"),
            new Dictionary<string, string> { ["lifecyclestage"] = "lead", ["syncbridge_version"] = version.ToString(CultureInfo.InvariantCulture) },
            version);

    /// <summary>Receives until a receive comes back empty (or <paramref name="max"/> were received).</summary>
    internal static async Task<List<ReceivedUpdate>> DrainAsync(AmqpUpdateQueue queue, int max = 1000, TimeSpan? lockDuration = null)
    {
        var all = new List<ReceivedUpdate>();
        while (all.Count < max)
        {
            var batch = await queue.ReceiveAsync(Math.Min(100, max - all.Count), lockDuration ?? TimeSpan.FromMinutes(1), CancellationToken.None);
            if (batch.Count == 0)
            {
                break;
            }

            all.AddRange(batch);
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _opened)
        {
            await queue.DisposeAsync();
        }

        foreach (var forwarder in _forwarders)
        {
            await forwarder.DisposeAsync();
        }

        await _broker.DisposeAsync();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
