using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SyncBridge.Core.Sync.Queue;
using Microsoft.Extensions.Options;
using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class AmqpTransportServiceCollectionExtensionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    [Fact]
    public void AddAmqpTransportOptions_BoundSection_ResolvesOptionsAndDialectMapper()
    {
        var configuration = Configuration(
            ("SyncBridge:Queue:ServiceBus:ConnectionString", "Endpoint=amqp://127.0.0.1;SharedAccessKeyName=u;SharedAccessKey=p"),
            ("SyncBridge:Queue:ServiceBus:QueueName", "lifecycle"),
            ("SyncBridge:Queue:ServiceBus:Dialect", "RabbitMq"),
            ("SyncBridge:Queue:ServiceBus:TokenTtl", "00:30:00"));
        using var provider = new ServiceCollection().AddAmqpTransportOptions(configuration).AddAmqpTransportOptions(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value;
        var mapper = provider.GetRequiredService<AmqpAddressMapper>();

        Assert.Equal("lifecycle", options.QueueName);
        Assert.Equal(TimeSpan.FromMinutes(30), options.TokenTtl);
        Assert.Equal("/amq/queue/lifecycle", mapper.QueueAddress(options.QueueName));
        Assert.Single(provider.GetServices<IValidateOptions<ServiceBusTransportOptions>>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddAmqpTransportOptions_BadSection_FailsNamingTheSetting()
    {
        var configuration = Configuration(("SyncBridge:Queue:ServiceBus:QueueName", "bad/name"));
        using var provider = new ServiceCollection().AddAmqpTransportOptions(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("SyncBridge:Queue:ServiceBus:QueueName", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SyncBridge:Queue:ServiceBus:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void AddAmqpTransportOptions_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => AmqpTransportServiceCollectionExtensions.AddAmqpTransportOptions(null!, Configuration()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddAmqpTransportOptions(null!));
    }

    [Fact]
    public async Task AddAmqpUpdateQueue_Twice_RegistersOneTransportForAllThreePortsAndTheStartupCheck()
    {
        var configuration = Configuration(
            ("SyncBridge:Queue:ServiceBus:ConnectionString", "Endpoint=amqp://127.0.0.1:1;SharedAccessKeyName=u;SharedAccessKey=p"),
            ("SyncBridge:Queue:ServiceBus:Dialect", "RabbitMq"));
        var services = new ServiceCollection().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        await using var provider = services.AddAmqpUpdateQueue(configuration).AddAmqpUpdateQueue(configuration).BuildServiceProvider();

        var queue = provider.GetRequiredService<AmqpUpdateQueue>();

        Assert.Same(queue, provider.GetRequiredService<IUpdateQueue>());
        Assert.Same(queue, provider.GetRequiredService<IDeadLetterStore>());
        Assert.Same(queue, provider.GetRequiredService<IQueueMonitor>());
        Assert.Single(provider.GetServices<IHostedService>(), s => s is AmqpQueueStartupCheck);
        Assert.Single(services, d => d.ServiceType == typeof(IUpdateQueue));
    }

    [Fact]
    public void AddAmqpUpdateQueue_ManagementEndpoint_RegistersTheManagementApiClient()
    {
        var configuration = Configuration(
            ("SyncBridge:Queue:ServiceBus:ConnectionString", "Endpoint=amqp://127.0.0.1:1;SharedAccessKeyName=u;SharedAccessKey=p"),
            ("SyncBridge:Queue:ServiceBus:Dialect", "RabbitMq"),
            ("SyncBridge:Queue:ServiceBus:ManagementEndpoint", "http://127.0.0.1:15682/"));
        using var provider = new ServiceCollection().AddLogging().AddAmqpUpdateQueue(configuration).BuildServiceProvider();

        Assert.NotNull(provider.GetService<IRabbitMqManagementApi>());
        Assert.NotNull(provider.GetRequiredService<IQueueMonitor>());
    }

    [Fact]
    public void AddAmqpUpdateQueue_NoManagementEndpoint_RegistersNoManagementApiClient()
    {
        var configuration = Configuration(("SyncBridge:Queue:ServiceBus:ConnectionString", "Endpoint=amqp://127.0.0.1:1;SharedAccessKeyName=u;SharedAccessKey=p"));
        using var provider = new ServiceCollection().AddLogging().AddAmqpUpdateQueue(configuration).BuildServiceProvider();

        Assert.Null(provider.GetService<IRabbitMqManagementApi>());
    }

    [Fact]
    public void AddAmqpUpdateQueue_ServiceBusDialect_RegistersOnlyTheServiceBusManagementClient()
    {
        var configuration = Configuration(("SyncBridge:Queue:ServiceBus:ConnectionString", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=u;SharedAccessKey=p"));
        using var provider = new ServiceCollection().AddLogging().AddAmqpUpdateQueue(configuration).AddAmqpUpdateQueue(configuration).BuildServiceProvider();

        Assert.NotNull(provider.GetService<IServiceBusManagementApi>());
        Assert.Null(provider.GetService<IRabbitMqManagementApi>());
        Assert.Single(provider.GetServices<ServiceBusManagementToken>());
    }

    [Fact]
    public void AddAmqpUpdateQueue_RabbitMqDialect_RegistersNoServiceBusManagementClient()
    {
        var configuration = Configuration(
            ("SyncBridge:Queue:ServiceBus:ConnectionString", "Endpoint=amqp://127.0.0.1:1;SharedAccessKeyName=u;SharedAccessKey=p"),
            ("SyncBridge:Queue:ServiceBus:Dialect", "rabbitmq"),
            ("SyncBridge:Queue:ServiceBus:ManagementEndpoint", "http://127.0.0.1:15682/"));
        using var provider = new ServiceCollection().AddLogging().AddAmqpUpdateQueue(configuration).BuildServiceProvider();

        Assert.Null(provider.GetService<IServiceBusManagementApi>());
        Assert.NotNull(provider.GetService<IRabbitMqManagementApi>());
    }

    [Fact]
    public void AddAmqpUpdateQueue_TransportAlreadyRegistered_KeepsIt()
    {
        var existing = new StubQueue();
        var configuration = Configuration(("SyncBridge:Queue:ServiceBus:ConnectionString", "Endpoint=amqp://127.0.0.1:1;SharedAccessKeyName=u;SharedAccessKey=p"));
        using var provider = new ServiceCollection().AddSingleton<IUpdateQueue>(existing).AddAmqpUpdateQueue(configuration).BuildServiceProvider();

        Assert.Same(existing, provider.GetRequiredService<IUpdateQueue>());
    }

    [Fact]
    public void AddAmqpUpdateQueue_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => AmqpTransportServiceCollectionExtensions.AddAmqpUpdateQueue(null!, Configuration()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddAmqpUpdateQueue(null!));
    }

    private sealed class StubQueue : IUpdateQueue
    {
        public Task SendAsync(IReadOnlyList<UpdateMessage> messages, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<ReceivedUpdate>> ReceiveAsync(int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ReceivedUpdate>>([]);

        public Task CompleteAsync(ReceivedUpdate update) => Task.CompletedTask;

        public Task AbandonAsync(ReceivedUpdate update) => Task.CompletedTask;

        public Task DeadLetterAsync(ReceivedUpdate update, string reason, string description) => Task.CompletedTask;
    }
}
