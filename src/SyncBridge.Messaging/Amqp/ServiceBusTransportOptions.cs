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

    /// <summary>How long a SAS token is valid: the one put with CBS, and the one the Service Bus depth read sends.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before its expiry a SAS token (CBS or depth read) is renewed.</summary>
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
    /// Whether <c>queue status</c>, the status page and the queue metrics read the queue's depth and dead-letter count from
    /// the broker's management endpoint (AMQP 1.0 has no depth query). Default true. Service Bus: a
    /// <c>GET https://{namespace}/{queue}?api-version=2021-05</c> with a SAS token made from the connection string's key,
    /// which needs a rule with the <b>Manage</b> right (Send/Listen are refused with 401); when the read fails the status
    /// falls back to what this process knows and says so in <c>QueueStatus.Caveat</c>. RabbitMQ: reads
    /// <see cref="ManagementEndpoint"/> when it is set. False: no HTTP call; the status reports what this process knows.
    /// </summary>
    public bool ReadQueueDepth { get; set; } = true;

    /// <summary>
    /// RabbitMQ: the management HTTP API (e.g. <c>http://127.0.0.1:15682/</c>) that the queue depth is read from; null: the
    /// status reports what this process knows. Service Bus: optional override of the address the depth is read from; null
    /// derives <c>https://{namespace host}/</c> from an <c>sb://</c> connection-string endpoint (with an <c>amqp(s)://</c>
    /// endpoint and no override, no depth is read). It must be https, or http only to a loopback host (tests), since the
    /// request carries a SAS token. The token's audience is always <c>https://{namespace host}/{queue}</c>.
    /// </summary>
    public string? ManagementEndpoint { get; set; }
}
