namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// What one receive did: <paramref name="Received"/> messages, of which <paramref name="Applied"/> were written (or
/// found already in the target after a crash), <paramref name="Skipped"/> carried a version already applied,
/// <paramref name="Busy"/> were held by another consumer (or held back behind an older version of their record that went
/// back to the queue in the same receive), <paramref name="Retried"/> failed transiently and went back,
/// <paramref name="DeadLettered"/> were dead-lettered, and <paramref name="LockLost"/> could not be settled (they come again).
/// </summary>
public sealed record ConsumeBatchResult(int Received, int Applied, int Skipped, int Busy, int Retried, int DeadLettered, int LockLost)
{
    public static ConsumeBatchResult Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public ConsumeBatchResult Add(ConsumeBatchResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Received + other.Received, Applied + other.Applied, Skipped + other.Skipped, Busy + other.Busy, Retried + other.Retried, DeadLettered + other.DeadLettered, LockLost + other.LockLost);
    }
}
