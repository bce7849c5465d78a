using Amqp;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// A receiver link that grants its prefetch credit again only once the broker used all of it. RabbitMQ 3.x's AMQP 1.0
/// plugin miscounts credit when a flow frame crosses deliveries in flight and then sends more than granted, which
/// AMQPNetLite answers by closing the link (<c>amqp:link:transfer-limit-exceeded</c>); a flow sent while the broker holds
/// no credit and has nothing in flight cannot cross a delivery.
/// </summary>
internal sealed class AmqpPrefetchReceiver
{
    private readonly int _credit;
    private int _outstanding;

    public AmqpPrefetchReceiver(ReceiverLink link, int credit)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentOutOfRangeException.ThrowIfLessThan(credit, 1);
        Link = link;
        _credit = credit;
        _outstanding = credit;
        link.SetCredit(credit, CreditMode.Manual);
    }

    public ReceiverLink Link { get; }

    /// <summary>The next message, or null when none arrived within <paramref name="wait"/> (which must be more than zero).</summary>
    public async Task<Message?> ReceiveAsync(TimeSpan wait)
    {
        var message = await Link.ReceiveAsync(wait).ConfigureAwait(false);
        if (message is not null && Interlocked.Decrement(ref _outstanding) == 0)
        {
            Interlocked.Exchange(ref _outstanding, _credit);
            Link.SetCredit(_credit, CreditMode.Manual);
        }

        return message;
    }
}
