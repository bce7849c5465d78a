using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Planning;

/// <summary>
/// What <c>apply</c> would do, computed from the state store without committing: every decided person (with the
/// billing forecast), per target record the desired properties and what changes, the change sets to commit, and the
/// fingerprint of the state the plan was made from.
/// </summary>
internal sealed record LivePlan(
    DateTimeOffset CreatedAt,
    DecisionBatch Batch,
    IReadOnlyList<LivePlanPerson> Persons,
    IReadOnlyList<PersonChangeSet> ChangeSets,
    PlanFingerprint Fingerprint)
{
    /// <summary>Every target record listed (all of them when the plan includes unchanged ones, else only the changing ones).</summary>
    public IEnumerable<LivePlanTarget> Targets => Persons.SelectMany(p => p.Targets);

    /// <summary>Records whose SyncBridge properties change (one update each).</summary>
    public int RecordsToChange => CountChanged(_ => true);

    public int HubSpotRecordsToChange => CountChanged(t => t.System == SourceSystem.HubSpot);

    public int SalesforceRecordsToChange => CountChanged(t => t.System == SourceSystem.Salesforce);

    /// <summary>Records already holding what SyncBridge wants (counted whether or not they are listed).</summary>
    public int UnchangedRecords => ChangeSets.Sum(c => c.Changes.Count(t => t.Changed.Count == 0));

    private int CountChanged(Func<SourceRef, bool> where) =>
        ChangeSets.Sum(c => c.Changes.Count(t => t.Changed.Count > 0 && where(t.Target)));
}
