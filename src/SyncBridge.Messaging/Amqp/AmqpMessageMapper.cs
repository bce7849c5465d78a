using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// Maps <see cref="AmqpEnvelope"/> to an AMQP 1.0 message and back: message-id (Service Bus duplicate detection),
/// subject, content-type, group-id = person key (Service Bus sessions), the <c>x-opt-partition-key</c> message
/// annotation = person key, a durable header and a single data section holding the body.
/// </summary>
internal static class AmqpMessageMapper
{
    public static readonly Symbol PartitionKeyAnnotation = new("x-opt-partition-key");

    public static Message ToMessage(AmqpEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope.MessageId, nameof(envelope));
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope.Subject, nameof(envelope));
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope.ContentType, nameof(envelope));
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope.GroupKey, nameof(envelope));

        var message = new Message
        {
            Header = new Header { Durable = true },
            Properties = new Properties
            {
                MessageId = envelope.MessageId,
                Subject = envelope.Subject,
                ContentType = new Symbol(envelope.ContentType),
                GroupId = envelope.GroupKey,
            },
            MessageAnnotations = new MessageAnnotations(),
            BodySection = new Data { Binary = envelope.Body.ToArray() },
        };
        message.MessageAnnotations[PartitionKeyAnnotation] = envelope.GroupKey;
        return message;
    }

    /// <summary>
    /// Reads a received message. Throws <see cref="FormatException"/> naming what is missing when the message is not one
    /// of ours (the receiver dead-letters such a message as poison).
    /// </summary>
    public static AmqpReceivedEnvelope FromMessage(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = message.Properties ?? throw new FormatException("The message has no properties section.");
        var messageId = properties.MessageId;
        if (string.IsNullOrEmpty(messageId))
        {
            throw new FormatException("The message has no string message-id.");
        }

        var groupKey = properties.GroupId;
        if (string.IsNullOrEmpty(groupKey) && message.MessageAnnotations?.Map[PartitionKeyAnnotation] is string partitionKey)
        {
            groupKey = partitionKey;
        }

        if (string.IsNullOrEmpty(groupKey))
        {
            throw new FormatException($"Message {messageId} has neither a group-id nor an {PartitionKeyAnnotation} annotation.");
        }

        var body = message.BodySection switch
        {
            Data data => data.Binary ?? [],
            AmqpValue { Value: byte[] bytes } => bytes,
            null => throw new FormatException($"Message {messageId} has no body."),
            _ => throw new FormatException($"Message {messageId} has a {message.BodySection.GetType().Name} body, not a data section."),
        };

        var envelope = new AmqpEnvelope(
            messageId,
            properties.Subject ?? string.Empty,
            (string?)properties.ContentType ?? string.Empty,
            groupKey,
            body);
        return new AmqpReceivedEnvelope(envelope, message.Header?.DeliveryCount ?? 0u);
    }
}
