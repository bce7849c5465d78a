namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// Queue figures: <paramref name="Depth"/> messages not yet completed (in flight included), <paramref name="InFlight"/>
/// of them locked now, <paramref name="OldestAge"/> how long the oldest has waited (null when empty), and
/// <paramref name="DeadLetters"/> messages in the dead-letter queue.
/// </summary>
public sealed record QueueStatus(long Depth, long InFlight, TimeSpan? OldestAge, long DeadLetters);
