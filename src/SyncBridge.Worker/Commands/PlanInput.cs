using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Commands;

/// <summary>What <see cref="PlanInputLoader"/> read: one subject per person, and what it had to skip.</summary>
internal sealed class PlanInput
{
    public required IReadOnlyList<DecisionSubject> Subjects { get; init; }

    /// <summary>The index in <see cref="Subjects"/> of the person one of whose rows has the email, or -1.</summary>
    public required Func<string, int> FindByEmail { get; init; }

    public long ContactRows { get; init; }
    public long RejectedContactRows { get; init; }
    public long BadValues { get; init; }
    public long Events { get; init; }
    public long RejectedEvents { get; init; }
    public long UnmatchedEvents { get; init; }
}
