using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Reporting;

/// <summary>
/// What one decision run over the whole population came to: the lifecycle funnel before (the stages the CRMs had)
/// and after (the forward-only stages decided), the marketing decision by reason, the hot leads and the billing
/// forecast. Kept per run so reports and the status page can show the trend.
/// </summary>
public sealed record DecisionRunSummary
{
    public required DateTimeOffset AsOf { get; init; }

    public int Persons { get; init; }

    /// <summary>Persons decided marketing, after the tier budget.</summary>
    public int Marketing { get; init; }

    /// <summary>Persons flagged hot.</summary>
    public int Hot { get; init; }

    /// <summary>Marketing candidates before the tier budget.</summary>
    public int Candidates { get; init; }

    /// <summary>Properties on which a person's source records disagreed (the merge rules chose one value).</summary>
    public int MergeConflicts { get; init; }

    /// <summary>Update messages this run put in the outbox.</summary>
    public int UpdatesQueued { get; init; }

    /// <summary>Persons per lifecycle stage before the run (wire names; <see cref="NoStage"/> for none).</summary>
    public IReadOnlyDictionary<string, int> FunnelBefore { get; init; } = new Dictionary<string, int>();

    /// <summary>Persons per lifecycle stage after the run (wire names).</summary>
    public IReadOnlyDictionary<string, int> FunnelAfter { get; init; } = new Dictionary<string, int>();

    /// <summary>Persons per marketing reason code (a person with several reasons counts under each).</summary>
    public IReadOnlyDictionary<string, int> Reasons { get; init; } = new Dictionary<string, int>();

    public required BillingForecast Forecast { get; init; }

    /// <summary>The funnel key of a person with no lifecycle stage.</summary>
    public const string NoStage = "none";
}
