using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

/// <summary>
/// The RabbitMQ broker started by <c>infra/local/start-rabbitmq.sh</c> (address, user and vhost from SYNCBRIDGE_AMQP_*
/// environment variables, with the script's defaults). Tests FAIL when it is not reachable. Each test declares its own
/// quorum queue and dead-letter queue through the broker's management API (loopback only) and they are deleted at the end.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    public const string StartHint = "Start the broker first: bash infra/local/start-rabbitmq.sh";

    private readonly HttpClient _management;
    private readonly List<string> _queues = [];
    private readonly List<AmqpUpdateQueue> _opened = [];
    private readonly List<TcpForwarder> _forwarders = [];
    private readonly List<HttpClient> _clients = [];

    public RabbitMqFixture()
    {
        Host = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_HOST") ?? "127.0.0.1";
        Port = int.Parse(Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_PORT") ?? "5682", CultureInfo.InvariantCulture);
        User = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_USER") ?? "syncbridge";
        Password = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_PASSWORD") ?? "syncbridge-test";
        VirtualHost = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_VHOST") ?? "syncbridge";
        var managementPort = int.Parse(Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_MGMT_PORT") ?? "15682", CultureInfo.InvariantCulture);
        _management = new HttpClient { BaseAddress = new Uri($"http://{Host}:{managementPort}/api/"), Timeout = TimeSpan.FromSeconds(20) };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    public string Host { get; }

    public int Port { get; }

    public string User { get; }

    public string Password { get; }

    public string VirtualHost { get; }

    public async ValueTask InitializeAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, Port).WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"RabbitMQ is not reachable at {Host}:{Port} ({e.Message}). {StartHint}", e);
        }
    }

    /// <summary>Declares a quorum queue (unique name from <paramref name="prefix"/>) dead-lettering to its own dead-letter queue.</summary>
    public async Task<string> CreateQueueAsync(string prefix, int deliveryLimit = 5, bool withDeadLetterQueue = true)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 200)];
        var deadLetterName = name + "/$DeadLetterQueue";
        var arguments = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"durable\":true,\"arguments\":{{\"x-queue-type\":\"quorum\",\"x-delivery-limit\":{deliveryLimit},\"x-dead-letter-exchange\":\"\",\"x-dead-letter-routing-key\":\"{deadLetterName}\"}}}}");
        await PutQueueAsync(name, arguments);
        if (withDeadLetterQueue)
        {
            await PutQueueAsync(deadLetterName, "{\"durable\":true,\"arguments\":{\"x-queue-type\":\"quorum\"}}");
        }

        return name;
    }

    /// <summary>A transport on <paramref name="queueName"/>, through <paramref name="port"/> when given (a forwarder).</summary>
    internal AmqpUpdateQueue Open(
        string queueName, TimeProvider? time = null, int? port = null, Action<ServiceBusTransportOptions>? configure = null, bool withManagementApi = false)
    {
        var options = new ServiceBusTransportOptions
        {
            ConnectionString = string.Create(CultureInfo.InvariantCulture, $"Endpoint=amqp://{Host}:{port ?? Port};SharedAccessKeyName={User};SharedAccessKey={Password}"),
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
            options.ManagementEndpoint = _management.BaseAddress!.GetLeftPart(UriPartial.Authority);
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

        foreach (var name in _queues)
        {
            using var response = await _management.DeleteAsync(QueuePath(name));
        }

        _management.Dispose();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private async Task PutQueueAsync(string name, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _management.PutAsync(QueuePath(name), content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Declaring queue {name} through the management API failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}. {StartHint}");
        }

        lock (_queues)
        {
            _queues.Add(name);
        }
    }

    private string QueuePath(string name) => $"queues/{Uri.EscapeDataString(VirtualHost)}/{Uri.EscapeDataString(name)}";
}
