namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// Maps a queue name to the AMQP 1.0 link addresses of the configured broker, so the same sender and receiver run against
/// Azure Service Bus and the RabbitMQ test broker.
/// </summary>
/// <remarks>
/// RabbitMQ (3.x plugin, address format "v1", still accepted by 4.x while its deprecated feature flag
/// <c>amqp_address_v1</c> is permitted): <c>/amq/queue/{name}</c> attaches to an existing queue by name, without any
/// percent-decoding. RabbitMQ has no per-queue dead-letter sub-queue, so the dead-letter queue is an ordinary queue that
/// the definitions file declares under the literal name <c>{queue}%2F$DeadLetterQueue</c> and names as the main queue's
/// <c>x-dead-letter-routing-key</c>. RabbitMQ 4.x's format "v2" (<c>/queues/{percent-encoded name}</c>) decodes the
/// name; it would read <c>%2F</c> as <c>/</c> and is not used here.
/// </remarks>
internal sealed class AmqpAddressMapper
{
    public const string ServiceBusDeadLetterSuffix = "/$deadletterqueue";
    public const string RabbitMqQueuePrefix = "/amq/queue/";
    public const string RabbitMqDeadLetterSuffix = "%2F$DeadLetterQueue";
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
            : RabbitMqQueuePrefix + DeadLetterQueueName(name);
    }

    /// <summary>The broker-side name of the dead-letter queue (what an operator sees in the broker's tools).</summary>
    public string DeadLetterQueueName(string queueName)
    {
        var name = Validate(queueName);
        return Dialect == AmqpDialect.ServiceBus
            ? name + ServiceBusDeadLetterSuffix
            : name + RabbitMqDeadLetterSuffix;
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
