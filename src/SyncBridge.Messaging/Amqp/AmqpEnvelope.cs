namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// The transport's own view of one update message: what goes on the wire, independent of Core's message type.
/// <paramref name="GroupKey"/> is the person key: the Service Bus session id and partition key.
/// </summary>
internal sealed record AmqpEnvelope(string MessageId, string Subject, string ContentType, string GroupKey, ReadOnlyMemory<byte> Body)
{
    public const string JsonContentType = "application/json";
}
