namespace SyncBridge.Worker.Updates;

/// <summary>Which queue carries lifecycle updates (setting <c>SyncBridge:Queue:Transport</c>).</summary>
internal enum QueueTransport
{
    /// <summary>The embedded durable queue in its own SQLite file (the default: no servers, no accounts).</summary>
    Embedded = 0,

    /// <summary>Azure Service Bus (or a local AMQP 1.0 broker) over AMQP 1.0, section <c>SyncBridge:Queue:ServiceBus</c>.</summary>
    ServiceBus,
}
