using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Worker.Reporting;

/// <summary>
/// Everything the status page, <c>report --html</c>, <c>report --format json</c> and the demo summary show, read from
/// the state store (and the queue) at <see cref="GeneratedAt"/>.
/// </summary>
internal sealed record StatusReport
{
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The state store it was read from (a path or a connection description without secrets).</summary>
    public string StateStore { get; init; } = string.Empty;

    public IReadOnlyList<SourceView> Sources { get; init; } = [];

    /// <summary>Queue figures; null when the queue could not be read (<see cref="QueueError"/> says why).</summary>
    public QueueView? Queue { get; init; }

    public string QueueError { get; init; } = string.Empty;

    /// <summary>The latest decision run (null before the first).</summary>
    public DecisionRunSummary? Latest { get; init; }

    /// <summary>Earlier runs and the latest, oldest first: the history of the marketing-contact count.</summary>
    public IReadOnlyList<DecisionRunSummary> Runs { get; init; } = [];

    /// <summary>The marketing-contact count from now through the next update date (see <see cref="ForecastPoint"/>).</summary>
    public IReadOnlyList<ForecastPoint> Forecast { get; init; } = [];

    public IReadOnlyList<RecentDecision> RecentDecisions { get; init; } = [];
}

/// <summary>A source with its cursor, its last run and how far behind it is (<see cref="Lag"/>: now minus the cursor's time).</summary>
internal sealed record SourceView(SourceStatus Status, TimeSpan? Lag);

/// <summary>
/// The queue (depth, in flight, oldest, dead letters) and the outbox rows not yet sent. <see cref="Caveat"/> says why
/// the figures may be partial (e.g. the broker's counts could not be read, so they are this process's own).
/// </summary>
internal sealed record QueueView(long Depth, long InFlight, TimeSpan? OldestAge, long DeadLetters, long OutboxPending, string Transport, string? Caveat = null);

/// <summary>
/// One point of the marketing-contact forecast: the count HubSpot bills at <see cref="At"/> against the tier line.
/// <see cref="Projected"/> is false for counts measured by past runs.
/// </summary>
internal sealed record ForecastPoint(DateTimeOffset At, int MarketingContacts, int TierLimit, bool Projected, string Label);
