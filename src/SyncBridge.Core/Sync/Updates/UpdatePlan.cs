using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// What <see cref="UpdatePlanner.PlanAsync"/> found, not committed: one change set per person, and the last-written
/// snapshots of the targets they were diffed against (targets never written are absent).
/// </summary>
public sealed record UpdatePlan(
    IReadOnlyList<PersonChangeSet> ChangeSets,
    IReadOnlyDictionary<SourceRef, IReadOnlyDictionary<string, string>> Snapshots);
