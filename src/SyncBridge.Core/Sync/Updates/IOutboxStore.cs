using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// The transactional outbox in the state store. Decisions, the last-written snapshot per person and target, and the
/// update messages are committed in one transaction, so a crash leaves either all of a commit or none of it; the
/// dispatcher then publishes pending messages and marks them sent only once the queue has accepted them (a crash in
/// between sends them again: same message ids, and the consumer is idempotent).
/// </summary>
public interface IOutboxStore
{
    /// <summary>The last-written snapshot of each target that has one (targets never written are absent).</summary>
    Task<IReadOnlyDictionary<SourceRef, IReadOnlyDictionary<string, string>>> GetSnapshotsAsync(IReadOnlyCollection<SourceRef> targets, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: saves each person's decision (replacing the previous one), and for each person with at
    /// least one non-empty <see cref="TargetChange.Changed"/>: raises the person's decision version by one, replaces
    /// the snapshot of every changed target, and appends one outbox message per changed target at that version,
    /// carrying that target's whole <see cref="TargetChange.Snapshot"/>.
    /// Returns the messages appended, in outbox order.
    /// </summary>
    Task<IReadOnlyList<Queue.UpdateMessage>> CommitAsync(IReadOnlyList<PersonChangeSet> changeSets, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> messages not yet marked sent, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks entries as accepted by the queue (they are never read as pending again). Unknown ids are ignored.</summary>
    Task MarkSentAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>The latest decision of a person, or null.</summary>
    Task<DecisionRecord?> GetDecisionAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Deletes messages the queue accepted before <paramref name="sentBefore"/> (pending ones are never touched); returns how many.</summary>
    Task<int> PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken);

    /// <summary>Pending count and age, for <c>queue status</c> and health.</summary>
    Task<OutboxStatus> GetOutboxStatusAsync(CancellationToken cancellationToken);
}
