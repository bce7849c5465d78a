using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Commands;

/// <summary>What <see cref="PlanInputLoader"/> read: one subject per person, and what it had to skip.</summary>
internal sealed class PlanInput
{
    public required IReadOnlyList<DecisionSubject> Subjects { get; init; }

    /// <summary>Per person (same index as <see cref="Subjects"/>): every email key its rows had (normalized and match key).</summary>
    public required IReadOnlyList<string[]> EmailKeys { get; init; }

    public long ContactRows { get; init; }
    public long RejectedContactRows { get; init; }
    public long BadValues { get; init; }
    public long Events { get; init; }
    public long RejectedEvents { get; init; }
    public long UnmatchedEvents { get; init; }

    /// <summary>The index of the person one of whose rows has <paramref name="emailKey"/>, or -1.</summary>
    public int FindByEmail(string emailKey)
    {
        for (var i = 0; i < EmailKeys.Count; i++)
        {
            if (Array.IndexOf(EmailKeys[i], emailKey) >= 0)
            {
                return i;
            }
        }

        return -1;
    }
}
