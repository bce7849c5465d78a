using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace SyncBridge.Testing;

/// <summary>
/// The RabbitMQ broker started by <c>infra/local/start-rabbitmq.sh</c>, as tests reach it: address, user, password and
/// vhost from SYNCBRIDGE_AMQP_* environment variables with the script's defaults, and its management API (loopback)
/// for declaring a test's own queues, deleted on dispose. Linked into each test project that talks to the broker.
/// </summary>
internal sealed class RabbitMqTestBroker : IAsyncDisposable
{
    public const string StartHint = "Start the broker first: bash infra/local/start-rabbitmq.sh";

    private readonly HttpClient _management;
    private readonly List<string> _queues = [];

    public RabbitMqTestBroker()
    {
        Host = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_HOST") ?? "127.0.0.1";
        Port = int.Parse(Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_PORT") ?? "5682", CultureInfo.InvariantCulture);
        User = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_USER") ?? "syncbridge";
        Password = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_PASSWORD") ?? "syncbridge-test";
        VirtualHost = Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_VHOST") ?? "syncbridge";
        var managementPort = int.Parse(Environment.GetEnvironmentVariable("SYNCBRIDGE_AMQP_MGMT_PORT") ?? "15682", CultureInfo.InvariantCulture);
        ManagementEndpoint = new Uri($"http://{Host}:{managementPort}/");
        _management = new HttpClient { BaseAddress = new Uri(ManagementEndpoint, "api/"), Timeout = TimeSpan.FromSeconds(20) };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    public string Host { get; }

    public int Port { get; }

    public string User { get; }

    public string Password { get; }

    public string VirtualHost { get; }

    public Uri ManagementEndpoint { get; }

    /// <summary>The connection string SyncBridge is configured with, through <paramref name="port"/> when given (a forwarder).</summary>
    public string ConnectionString(int? port = null) =>
        string.Create(CultureInfo.InvariantCulture, $"Endpoint=amqp://{Host}:{port ?? Port};SharedAccessKeyName={User};SharedAccessKey={Password}");

    /// <summary>Fails (never skips) with how to start the broker when its AMQP port does not answer.</summary>
    public async Task EnsureReachableAsync()
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

    /// <summary>Deletes every message in a queue (the management API's purge).</summary>
    public async Task PurgeAsync(string name)
    {
        using var response = await _management.DeleteAsync(QueuePath(name) + "/contents");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _queues)
        {
            using var response = await _management.DeleteAsync(QueuePath(name));
        }

        _management.Dispose();
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
