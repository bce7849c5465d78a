namespace SyncBridge.Messaging.Amqp;

/// <summary>Which broker's AMQP 1.0 address conventions to use.</summary>
public enum AmqpDialect
{
    /// <summary>Azure Service Bus: the address is the queue name; dead letters at <c>queue/$deadletterqueue</c>.</summary>
    ServiceBus = 0,

    /// <summary>RabbitMQ's AMQP 1.0 plugin, address format v1: <c>/amq/queue/{queue}</c>; dead letters in a separate queue.</summary>
    RabbitMq = 1,
}
