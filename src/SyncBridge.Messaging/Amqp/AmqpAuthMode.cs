namespace SyncBridge.Messaging.Amqp;

/// <summary>How the transport authenticates to the broker.</summary>
public enum AmqpAuthMode
{
    /// <summary>SASL PLAIN with the key name as user and the key as password (Service Bus and RabbitMQ).</summary>
    SaslPlain = 0,

    /// <summary>SASL ANONYMOUS, then a SAS token put on the <c>$cbs</c> node and renewed before it expires (Service Bus only).</summary>
    CbsSasToken = 1,
}
