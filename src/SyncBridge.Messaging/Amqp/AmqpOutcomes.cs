using Amqp.Framing;
using Amqp.Types;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// The dispositions the peek-lock receiver settles a delivery with: accept (done), release (abandon: redeliver, counts as
/// a delivery) and reject with Service Bus's dead-letter condition (poison). <c>modified</c> is not used: RabbitMQ closes
/// the session on it.
/// </summary>
internal static class AmqpOutcomes
{
    public static readonly Symbol DeadLetterCondition = new("com.microsoft:dead-letter");
    public static readonly Symbol DeadLetterReasonKey = new("DeadLetterReason");
    public static readonly Symbol DeadLetterDescriptionKey = new("DeadLetterErrorDescription");

    public static Accepted Complete() => new();

    public static Released Abandon() => new();

    /// <summary>A rejection Service Bus turns into a move to the dead-letter queue with <paramref name="reason"/> and <paramref name="description"/>.</summary>
    public static Rejected DeadLetter(string reason, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(description);
        var info = new Fields
        {
            [DeadLetterReasonKey] = reason,
            [DeadLetterDescriptionKey] = description,
        };
        return new Rejected
        {
            Error = new Error(DeadLetterCondition) { Description = description, Info = info },
        };
    }
}
