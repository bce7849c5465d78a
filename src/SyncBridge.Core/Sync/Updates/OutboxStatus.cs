namespace SyncBridge.Core.Sync.Updates;

/// <summary>Outbox figures: messages not yet accepted by the queue, and when the oldest of them was committed (null when none).</summary>
public sealed record OutboxStatus(long Pending, DateTimeOffset? OldestCommittedAt);
