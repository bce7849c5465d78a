namespace SyncBridge.Core.Sync.Queue;

/// <summary>Operator access to dead-lettered updates (<c>dlq list</c>, <c>dlq replay</c>, <c>dlq purge</c>).</summary>
public interface IDeadLetterStore
{
    /// <summary>The dead letters, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken);

    /// <summary>Puts a dead letter back at the end of the queue with delivery count 0; false when no dead letter has that message id.</summary>
    Task<bool> ReplayDeadLetterAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Replays every dead letter; returns how many.</summary>
    Task<int> ReplayAllDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a dead letter for good; false when no dead letter has that message id.</summary>
    Task<bool> PurgeDeadLetterAsync(string messageId, CancellationToken cancellationToken);
}
