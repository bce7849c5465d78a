namespace SyncBridge.Messaging.Amqp;

/// <summary>The connection (or a link on it) dropped during an operation; the transport reconnects and retries.</summary>
internal sealed class AmqpConnectionLostException : Exception
{
    public AmqpConnectionLostException()
    {
    }

    public AmqpConnectionLostException(string message)
        : base(message)
    {
    }

    public AmqpConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
