namespace SyncBridge.Core.Sync.Reporting;

/// <summary>
/// What the status page, <c>report</c> and the demo summary read from the state store: decision runs, source runs and
/// the latest decisions. Written by <see cref="Updates.PersonDecider"/> and the source runner.
/// </summary>
public interface IReportStore
{
    Task SaveDecisionRunAsync(DecisionRunSummary run, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="max"/> decision runs, oldest first.</summary>
    Task<IReadOnlyList<DecisionRunSummary>> ListDecisionRunsAsync(int max, CancellationToken cancellationToken);

    Task SaveSourceRunAsync(SourceRunRecord run, CancellationToken cancellationToken);

    /// <summary>Every source with a cursor or a run, by name.</summary>
    Task<IReadOnlyList<SourceStatus>> ListSourcesAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> persons whose decision changed most recently, newest first.</summary>
    Task<IReadOnlyList<RecentDecision>> ListRecentDecisionsAsync(int max, CancellationToken cancellationToken);
}
