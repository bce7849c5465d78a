using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// One decision of the whole population: the batch (decisions and billing forecast), each person with the records
/// the decision should reach, and the contact store's change sequence the decision covers.
/// </summary>
public sealed record PopulationDecision(DecisionBatch Batch, IReadOnlyList<DecidedPerson> People, long ContactSequence)
{
    public DateTimeOffset AsOf => Batch.AsOf;

    /// <summary>Properties on which a person's stored records disagreed (the merge rules chose a value).</summary>
    public int MergeConflicts { get; init; }
}
