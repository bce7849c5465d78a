namespace SyncBridge.Messaging.Embedded;

/// <summary>The embedded queue's file cannot be created, opened or migrated; the message names the setting.</summary>
public sealed class EmbeddedQueueException : Exception
{
    public EmbeddedQueueException()
    {
    }

    public EmbeddedQueueException(string message)
        : base(message)
    {
    }

    public EmbeddedQueueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
