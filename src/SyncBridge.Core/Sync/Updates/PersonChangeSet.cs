namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// One person's decision and the target records it changes. Committed as a whole by
/// <see cref="IOutboxStore.CommitAsync"/>: the decision, the new snapshots and one outbox message per changed target.
/// </summary>
public sealed record PersonChangeSet(DecisionRecord Decision, IReadOnlyList<TargetChange> Changes)
{
    public string PersonId => Decision.PersonId;
}
