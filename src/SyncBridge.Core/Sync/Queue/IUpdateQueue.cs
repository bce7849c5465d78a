using System.Diagnostics.CodeAnalysis;

namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// The queue lifecycle updates travel through (Service Bus over AMQP 1.0, or the embedded durable queue). Peek-lock
/// semantics: a received message stays locked for the lock duration, then is delivered again with its delivery count
/// raised; a person's messages are handed out in the order they were sent, one at a time.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a message queue; the port's name is fixed by the design (DESIGN.md).")]
public interface IUpdateQueue
{
    /// <summary>Sends the messages durably; returns once the queue has accepted all of them. A message id already in the queue is stored once.</summary>
    Task SendAsync(IReadOnlyList<UpdateMessage> messages, CancellationToken cancellationToken);

    /// <summary>Locks and returns up to <paramref name="maxMessages"/> visible messages for <paramref name="lockDuration"/>; an empty list when none is visible now.</summary>
    Task<IReadOnlyList<ReceivedUpdate>> ReceiveAsync(int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken);

    /// <summary>Removes an applied message. Throws <see cref="UpdateLockLostException"/> when its lock is no longer held.</summary>
    Task CompleteAsync(ReceivedUpdate update);

    /// <summary>
    /// Completes several applied messages (in one transaction where the transport has them); returns those whose lock
    /// was no longer held instead of throwing. The default completes them one by one.
    /// </summary>
    async Task<IReadOnlyList<ReceivedUpdate>> CompleteAllAsync(IReadOnlyList<ReceivedUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var lost = new List<ReceivedUpdate>();
        foreach (var update in updates)
        {
            try
            {
                await CompleteAsync(update).ConfigureAwait(false);
            }
            catch (UpdateLockLostException)
            {
                lost.Add(update);
            }
        }

        return lost;
    }

    /// <summary>Releases the lock at once (a transient failure); the next delivery has delivery count + 1. Throws <see cref="UpdateLockLostException"/> when the lock is no longer held.</summary>
    Task AbandonAsync(ReceivedUpdate update);

    /// <summary>Moves a poison message to the dead-letter queue with a reason and description. Throws <see cref="UpdateLockLostException"/> when the lock is no longer held.</summary>
    Task DeadLetterAsync(ReceivedUpdate update, string reason, string description);
}
