using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class ServiceBusTransportOptionsValidatorTests
{
    private const string ServiceBus = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=rule;SharedAccessKey=ab+cd/ef==";
    private const string LocalBroker = "Endpoint=amqp://127.0.0.1:5672;SharedAccessKeyName=syncbridge;SharedAccessKey=pw";

    private static ServiceBusTransportOptions Valid() => new() { ConnectionString = ServiceBus };

    public static TheoryData<string, Action<ServiceBusTransportOptions>, string> BadSettings => new()
    {
        { "missing connection string", o => o.ConnectionString = null, "SyncBridge:Queue:ServiceBus:ConnectionString: required" },
        { "unparsable connection string", o => o.ConnectionString = "Endpoint=sb://ns/", "SyncBridge:Queue:ServiceBus:ConnectionString: The connection string is missing SharedAccessKeyName, SharedAccessKey" },
        { "empty queue", o => o.QueueName = "", "SyncBridge:Queue:ServiceBus:QueueName" },
        { "queue with slash", o => o.QueueName = "a/b", "SyncBridge:Queue:ServiceBus:QueueName: 'a/b'" },
        { "queue too long", o => o.QueueName = new string('q', 261), "SyncBridge:Queue:ServiceBus:QueueName" },
        { "undefined dialect", o => o.Dialect = (AmqpDialect)9, "SyncBridge:Queue:ServiceBus:Dialect" },
        { "undefined auth", o => o.Auth = (AmqpAuthMode)9, "SyncBridge:Queue:ServiceBus:Auth" },
        { "cbs on rabbitmq", o => { o.Dialect = AmqpDialect.RabbitMq; o.ConnectionString = LocalBroker; o.Auth = AmqpAuthMode.CbsSasToken; }, "SyncBridge:Queue:ServiceBus:Auth: CbsSasToken needs a Service Bus broker" },
        { "cbs without tls", o => { o.ConnectionString = LocalBroker; o.Auth = AmqpAuthMode.CbsSasToken; }, "must use TLS" },
        { "sb endpoint with rabbitmq", o => o.Dialect = AmqpDialect.RabbitMq, "the endpoint is sb:// but Dialect is RabbitMq" },
        { "entity path differs", o => o.ConnectionString = ServiceBus + ";EntityPath=other", "EntityPath 'other' differs from QueueName 'updates'" },
        { "zero ttl", o => o.TokenTtl = TimeSpan.Zero, "SyncBridge:Queue:ServiceBus:TokenTtl" },
        { "ttl over a day", o => o.TokenTtl = TimeSpan.FromDays(2), "SyncBridge:Queue:ServiceBus:TokenTtl" },
        { "zero margin", o => o.TokenRenewMargin = TimeSpan.Zero, "SyncBridge:Queue:ServiceBus:TokenRenewMargin" },
        { "vhost on service bus", o => o.VirtualHost = "syncbridge", "SyncBridge:Queue:ServiceBus:VirtualHost" },
        { "empty vhost", o => { o.Dialect = AmqpDialect.RabbitMq; o.ConnectionString = LocalBroker; o.VirtualHost = ""; }, "SyncBridge:Queue:ServiceBus:VirtualHost" },
        { "negative receive wait", o => o.ReceiveWait = TimeSpan.FromSeconds(-1), "SyncBridge:Queue:ServiceBus:ReceiveWait" },
        { "zero prefetch", o => o.PrefetchCount = 0, "SyncBridge:Queue:ServiceBus:PrefetchCount" },
        { "zero operation timeout", o => o.OperationTimeout = TimeSpan.Zero, "SyncBridge:Queue:ServiceBus:OperationTimeout" },
        { "max delay below base", o => { o.ReconnectBaseDelay = TimeSpan.FromSeconds(5); o.ReconnectMaxDelay = TimeSpan.FromSeconds(1); }, "SyncBridge:Queue:ServiceBus:ReconnectBaseDelay" },
        { "negative attempts", o => o.ReconnectMaxAttempts = -1, "SyncBridge:Queue:ServiceBus:ReconnectMaxAttempts" },
        { "plain http management endpoint on service bus", o => o.ManagementEndpoint = "http://sb-proxy.example.com/", "SyncBridge:Queue:ServiceBus:ManagementEndpoint: 'http://sb-proxy.example.com/' must use https" },
        { "non-http management endpoint", o => o.ManagementEndpoint = "sb://ns.servicebus.windows.net/", "SyncBridge:Queue:ServiceBus:ManagementEndpoint" },
        { "relative management api", o => { o.Dialect = AmqpDialect.RabbitMq; o.ConnectionString = LocalBroker; o.ManagementEndpoint = "api"; }, "SyncBridge:Queue:ServiceBus:ManagementEndpoint" },
        { "margin not below ttl", o => { o.TokenTtl = TimeSpan.FromMinutes(10); o.TokenRenewMargin = TimeSpan.FromMinutes(10); }, "SyncBridge:Queue:ServiceBus:TokenRenewMargin" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_FailsNamingTheSetting(string scenario, Action<ServiceBusTransportOptions> spoil, string expected)
    {
        var options = Valid();
        spoil(options);

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, scenario);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.All(result.Failures!, f => Assert.DoesNotContain("ab+cd/ef==", f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AmqpDialect.ServiceBus, AmqpAuthMode.SaslPlain, ServiceBus)]
    [InlineData(AmqpDialect.ServiceBus, AmqpAuthMode.CbsSasToken, ServiceBus + ";EntityPath=updates")]
    [InlineData(AmqpDialect.RabbitMq, AmqpAuthMode.SaslPlain, LocalBroker)]
    public void Validate_GoodSettings_Succeeds(AmqpDialect dialect, AmqpAuthMode auth, string connectionString)
    {
        var options = new ServiceBusTransportOptions { Dialect = dialect, Auth = auth, ConnectionString = connectionString };

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOne()
    {
        var options = new ServiceBusTransportOptions { ConnectionString = null, QueueName = "", TokenTtl = TimeSpan.Zero };

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains(":ConnectionString:", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains(":QueueName:", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains(":TokenTtl:", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains(":TokenRenewMargin:", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ServiceBusTransportOptions();

        Assert.Equal("updates", options.QueueName);
        Assert.Equal(AmqpDialect.ServiceBus, options.Dialect);
        Assert.Equal(AmqpAuthMode.SaslPlain, options.Auth);
        Assert.Equal(TimeSpan.FromHours(1), options.TokenTtl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.TokenRenewMargin);
        Assert.Null(options.ConnectionString);
        Assert.Null(options.VirtualHost);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ReceiveWait);
        Assert.Equal(200, options.PrefetchCount);
        Assert.Equal(TimeSpan.FromSeconds(30), options.OperationTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.ReconnectBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReconnectMaxDelay);
        Assert.Equal(8, options.ReconnectMaxAttempts);
        Assert.Null(options.ManagementEndpoint);
        Assert.True(options.ReadQueueDepth);
    }

    [Theory]
    [InlineData("https://sb-proxy.example.com/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/")]
    public void Validate_ServiceBusManagementEndpointOverTlsOrLoopback_Succeeds(string endpoint)
    {
        var options = new ServiceBusTransportOptions { ConnectionString = ServiceBus, ManagementEndpoint = endpoint };

        var result = new ServiceBusTransportOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
