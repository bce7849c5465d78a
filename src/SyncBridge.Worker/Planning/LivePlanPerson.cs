using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Planning;

/// <summary>A decided person in a live plan and that person's target records (only the changing ones unless unchanged were asked for).</summary>
internal sealed record LivePlanPerson(PersonDecision Decision, IReadOnlyList<LivePlanTarget> Targets)
{
    public string PersonId => Decision.PersonId;

    public bool Changes => Targets.Any(t => t.Changes);
}
