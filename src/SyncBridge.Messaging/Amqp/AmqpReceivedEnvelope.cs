namespace SyncBridge.Messaging.Amqp;

/// <summary>A received message: the envelope and how many earlier deliveries of it failed (AMQP header delivery-count).</summary>
internal sealed record AmqpReceivedEnvelope(AmqpEnvelope Envelope, uint DeliveryCount);
