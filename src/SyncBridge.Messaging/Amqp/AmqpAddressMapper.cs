namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// Maps a queue name to the AMQP 1.0 link addresses of the configured broker, so the same sender and receiver run against
/// Azure Service Bus and the RabbitMQ test broker.
/// </summary>
/// <remarks>
/// RabbitMQ (AMQP 1.0 plugin, address format "v1" of RabbitMQ 3.x, still accepted by 4.x while its deprecated feature
/// flag <c>amqp_address_v1</c> is permitted): <c>/amq/queue/{name}</c> attaches to a queue that must already exist.
/// The broker splits the address on <c>/</c> and then turns each <c>%2F</c> (upper case only) in the name back into
/// <c>/</c> (rabbit_routing_parser, <c>unescape/1</c>), so <c>/amq/queue/updates%2F$DeadLetterQueue</c> names the queue
/// <c>updates/$DeadLetterQueue</c>: RabbitMQ has no dead-letter sub-queue, so the definitions file declares that queue
/// and makes it the main queue's dead-letter target. RabbitMQ 4.x's format "v2" (<c>/queues/{percent-encoded name}</c>)
/// is the long-term replacement and is not used yet.
/// </remarks>
internal sealed class AmqpAddressMapper
{
    public const string ServiceBusDeadLetterSuffix = "/$deadletterqueue";
    public const string RabbitMqQueuePrefix = "/amq/queue/";
    public const string RabbitMqDeadLetterSuffix = "%2F$DeadLetterQueue";
    public const string RabbitMqDeadLetterQueueSuffix = "/$DeadLetterQueue";
    public const string CbsAddress = "$cbs";

    public AmqpAddressMapper(AmqpDialect dialect)
    {
        if (!Enum.IsDefined(dialect))
        {
            throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown AMQP dialect.");
        }

        Dialect = dialect;
    }

    public AmqpDialect Dialect { get; }

    /// <summary>The address to send to and receive from <paramref name="queueName"/>.</summary>
    public string QueueAddress(string queueName)
    {
        var name = Validate(queueName);
        return Dialect == AmqpDialect.ServiceBus ? name : RabbitMqQueuePrefix + name;
    }

    /// <summary>The address of <paramref name="queueName"/>'s dead-letter queue.</summary>
    public string DeadLetterAddress(string queueName)
    {
        var name = Validate(queueName);
        return Dialect == AmqpDialect.ServiceBus
            ? name + ServiceBusDeadLetterSuffix
            : RabbitMqQueuePrefix + name + RabbitMqDeadLetterSuffix;
    }

    /// <summary>
    /// The broker-side name of the dead-letter queue, what an operator sees in the broker's tools and what RabbitMQ's
    /// definitions file declares: <c>updates/$deadletterqueue</c> (Service Bus), <c>updates/$DeadLetterQueue</c> (RabbitMQ).
    /// </summary>
    public string DeadLetterQueueName(string queueName)
    {
        var name = Validate(queueName);
        return Dialect == AmqpDialect.ServiceBus
            ? name + ServiceBusDeadLetterSuffix
            : name + RabbitMqDeadLetterQueueSuffix;
    }

    private static string Validate(string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        if (!ServiceBusTransportOptionsValidator.IsValidQueueName(queueName))
        {
            throw new ArgumentException($"'{queueName}' is not a valid queue name.", nameof(queueName));
        }

        return queueName;
    }
}
