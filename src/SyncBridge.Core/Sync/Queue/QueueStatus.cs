namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// Queue figures: <paramref name="Depth"/> messages not yet completed (in flight included), <paramref name="InFlight"/>
/// of them locked now, <paramref name="OldestAge"/> how long the oldest has waited (null when empty), and
/// <paramref name="DeadLetters"/> messages in the dead-letter queue.
/// </summary>
public sealed record QueueStatus(long Depth, long InFlight, TimeSpan? OldestAge, long DeadLetters)
{
    /// <summary>
    /// Null when the figures are the broker's; otherwise one line saying why they are partial (for example: the broker's
    /// depth could not be read, so <see cref="Depth"/> is only what this process holds), for the status page and <c>queue status</c>.
    /// </summary>
    public string? Caveat { get; init; }
}
