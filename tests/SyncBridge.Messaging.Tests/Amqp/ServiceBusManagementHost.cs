using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Messaging.Amqp;
using WireMock.Server;
using WireMock.Settings;

namespace SyncBridge.Messaging.Tests.Amqp;

/// <summary>
/// The transport as the host registers it (<see cref="AmqpTransportServiceCollectionExtensions.AddAmqpUpdateQueue"/>: the
/// real Refit client, SAS handler and standard resilience pipeline) with Dialect ServiceBus, its management endpoint
/// pointed at a WireMock server on 127.0.0.1, fake logging, and a <see cref="FakeTimeProvider"/> unless real time is asked.
/// </summary>
internal sealed class ServiceBusManagementHost : IDisposable
{
    public const string QueueName = "updates";
    public const string KeyName = "status-reader";
    public const string Key = "n0tAR3alK3y+f0r/T3sts0nlyAAAAAAAAAAAAAAAAAA=";
    public static readonly TimeSpan TokenTtl = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan TokenRenewMargin = TimeSpan.FromMinutes(5);
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private ServiceBusManagementHost(
        bool realTime, string connectionString, IReadOnlyDictionary<string, string?> extra, Action<HttpStandardResilienceOptions>? resilience)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreeLoopbackPort()}"] });
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SyncBridge:Queue:ServiceBus:ConnectionString"] = connectionString,
            ["SyncBridge:Queue:ServiceBus:QueueName"] = QueueName,
            ["SyncBridge:Queue:ServiceBus:ManagementEndpoint"] = Server.Urls[0] + "/",
            ["SyncBridge:Queue:ServiceBus:TokenTtl"] = TokenTtl.ToString(),
            ["SyncBridge:Queue:ServiceBus:TokenRenewMargin"] = TokenRenewMargin.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddFakeLogging();
        if (!realTime)
        {
            services.AddSingleton<TimeProvider>(Time);
        }

        services.AddAmqpUpdateQueue(configuration);
        if (resilience is not null)
        {
            services.Configure(AmqpTransportServiceCollectionExtensions.ServiceBusManagementClientName + "-standard", resilience);
        }

        _provider = services.BuildServiceProvider();
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public AmqpUpdateQueue Queue => _provider.GetRequiredService<AmqpUpdateQueue>();

    public IServiceBusManagementApi Api => _provider.GetRequiredService<IServiceBusManagementApi>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public string Endpoint => Server.Urls[0] + "/";

    public static string ServiceBusConnectionString => $"Endpoint=sb://{ServiceBusAtom.Namespace}/;SharedAccessKeyName={KeyName};SharedAccessKey={Key}";

    /// <summary>A host on fake time (no resilience delay ever elapses: use it for answers that are not retried).</summary>
    public static ServiceBusManagementHost Create(params (string Key, string? Value)[] settings) =>
        new(false, ServiceBusConnectionString, settings.ToDictionary(s => s.Key, s => s.Value), null);

    /// <summary>A host on real time with the resilience pipeline shrunk so retries and timeouts take milliseconds.</summary>
    public static ServiceBusManagementHost CreateWithRealTime(Action<HttpStandardResilienceOptions> resilience, string? connectionString = null, params (string Key, string? Value)[] settings) =>
        new(true, connectionString ?? ServiceBusConnectionString, settings.ToDictionary(s => s.Key, s => s.Value), resilience);

    /// <summary>The reader the queue builds, over the registered client, logging to the fake collector.</summary>
    public ServiceBusQueueStatusReader Reader() =>
        new(Api, QueueName, Endpoint, _provider.GetRequiredService<ILogger<AmqpUpdateQueue>>());

    public IReadOnlyList<FakeLogRecord> Warnings(int eventId) =>
        Logs.GetSnapshot().Where(r => r.Id.Id == eventId && r.Level == LogLevel.Warning).ToList();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _provider.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
