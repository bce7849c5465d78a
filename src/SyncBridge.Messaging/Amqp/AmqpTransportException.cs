namespace SyncBridge.Messaging.Amqp;

/// <summary>The broker refused an operation for good (a rejected message, a missing queue, a refused token): retrying will not help.</summary>
public sealed class AmqpTransportException : Exception
{
    public AmqpTransportException()
    {
    }

    public AmqpTransportException(string message)
        : base(message)
    {
    }

    public AmqpTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
