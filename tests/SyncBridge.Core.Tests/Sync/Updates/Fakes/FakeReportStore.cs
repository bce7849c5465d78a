using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>An in-memory <see cref="IReportStore"/> that keeps the decision runs it is given (sources and recent decisions are not modelled).</summary>
internal sealed class FakeReportStore : IReportStore
{
    private readonly List<DecisionRunSummary> _runs = [];

    public IReadOnlyList<DecisionRunSummary> Runs => _runs;

    public Task SaveDecisionRunAsync(DecisionRunSummary run, CancellationToken cancellationToken)
    {
        _runs.Add(run);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DecisionRunSummary>> ListDecisionRunsAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DecisionRunSummary>>(_runs.TakeLast(max).ToList());

    public Task SaveSourceRunAsync(SourceRunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<SourceStatus>> ListSourcesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SourceStatus>>([]);

    public Task<IReadOnlyList<RecentDecision>> ListRecentDecisionsAsync(int max, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RecentDecision>>([]);
}
