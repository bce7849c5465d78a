using System.Text.Json.Serialization;

namespace SyncBridge.Messaging.Amqp;

/// <summary>A queue's counts as RabbitMQ's management API reports them (refreshed every statistics interval, 5 s by default).</summary>
public sealed record RabbitMqQueueInfo(
    [property: JsonPropertyName("messages")] long Messages,
    [property: JsonPropertyName("messages_ready")] long MessagesReady,
    [property: JsonPropertyName("messages_unacknowledged")] long MessagesUnacknowledged);
