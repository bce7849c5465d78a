namespace SyncBridge.Messaging.Amqp;

/// <summary>Settings of section <c>SyncBridge:Queue:ServiceBus</c>: the AMQP 1.0 transport to Azure Service Bus or a local broker.</summary>
public sealed class ServiceBusTransportOptions
{
    public const string SectionName = "SyncBridge:Queue:ServiceBus";

    /// <summary>
    /// <c>Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…[;EntityPath=…]</c> (or an <c>amqp(s)://</c> endpoint).
    /// A secret: set it from the environment (<c>SyncBridge__Queue__ServiceBus__ConnectionString</c>) or user secrets, never in a file.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The queue updates travel through; its dead-letter queue is derived from it.</summary>
    public string QueueName { get; set; } = "updates";

    /// <summary>The broker's address conventions.</summary>
    public AmqpDialect Dialect { get; set; } = AmqpDialect.ServiceBus;

    /// <summary>How to authenticate.</summary>
    public AmqpAuthMode Auth { get; set; } = AmqpAuthMode.SaslPlain;

    /// <summary>How long a SAS token put with CBS is valid.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before its expiry a SAS token is renewed.</summary>
    public TimeSpan TokenRenewMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>RabbitMQ only: the virtual host to open (sent as <c>vhost:{name}</c> in the AMQP open frame); null for the broker's default.</summary>
    public string? VirtualHost { get; set; }

    /// <summary>How long a receive waits for the first message before it returns an empty list.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many messages the broker may push ahead to this process (the receiver's link credit).</summary>
    public int PrefetchCount { get; set; } = 200;

    /// <summary>How long a send waits for the broker's outcome, and an attach or a CBS reply for the broker.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before reconnecting after the connection dropped (exponential with jitter from there).</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay between two reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one operation reconnects and retries before it fails.</summary>
    public int ReconnectMaxAttempts { get; set; } = 8;

    /// <summary>
    /// RabbitMQ only: the management HTTP API (e.g. <c>http://127.0.0.1:15682/</c>) that <c>queue status</c> reads the queue
    /// depth from (AMQP 1.0 has no depth query). Null: the status reports what this process knows.
    /// </summary>
    public string? ManagementEndpoint { get; set; }
}
