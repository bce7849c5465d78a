using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Reporting;

/// <summary>
/// Reads a <see cref="StatusReport"/> from the state store and the queue. The queue is optional: a queue that cannot be
/// read leaves <see cref="StatusReport.Queue"/> null with the reason, and the rest of the report still renders.
/// </summary>
internal sealed class StatusReportBuilder(
    IReportStore reports,
    IOutboxStore outbox,
    IOptions<StateStoreOptions> state,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    IQueueMonitor? queue = null)
{
    /// <summary>How many decision runs the history covers.</summary>
    public const int HistoryRuns = 60;

    /// <summary>How many recent decisions are listed.</summary>
    public const int RecentDecisions = 50;

    public async Task<StatusReport> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sources = await reports.ListSourcesAsync(cancellationToken).ConfigureAwait(false);
        var runs = await reports.ListDecisionRunsAsync(HistoryRuns, cancellationToken).ConfigureAwait(false);
        var recent = await reports.ListRecentDecisionsAsync(RecentDecisions, cancellationToken).ConfigureAwait(false);
        var (queueView, queueError) = await ReadQueueAsync(cancellationToken).ConfigureAwait(false);
        var latest = runs.Count > 0 ? runs[^1] : null;
        return new StatusReport
        {
            GeneratedAt = now,
            StateStore = state.Value.DescribeLocation(),
            Sources = [.. sources.Select(s => new SourceView(s, s.LagAt(now)))],
            Queue = queueView,
            QueueError = queueError,
            Latest = latest,
            Runs = runs,
            Forecast = ForecastPoints(runs),
            RecentDecisions = recent,
        };
    }

    /// <summary>
    /// The count HubSpot bills: each past run's measured count, then from the latest run the projection — the peak at
    /// once (marketing is immediate), held until the next update date, then the count after it (non-marketing applies then).
    /// </summary>
    public static IReadOnlyList<ForecastPoint> ForecastPoints(IReadOnlyList<DecisionRunSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var points = new List<ForecastPoint>(runs.Count + 3);
        foreach (var run in runs)
        {
            points.Add(new ForecastPoint(run.AsOf, run.Forecast.MarketingNow, run.Forecast.TierLimit, false, "measured"));
        }

        if (runs.Count == 0)
        {
            return points;
        }

        var latest = runs[^1];
        var f = latest.Forecast;
        var update = new DateTimeOffset(f.NextUpdateDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (update < latest.AsOf)
        {
            update = latest.AsOf;
        }

        points.Add(new ForecastPoint(latest.AsOf, f.PeakBeforeUpdate, f.TierLimit, true, "after apply"));
        points.Add(new ForecastPoint(update, f.PeakBeforeUpdate, f.TierLimit, true, "until the update date"));
        points.Add(new ForecastPoint(update, f.MarketingAfterUpdate, f.TierLimit, true, "after the update date"));
        return points;
    }

    private async Task<(QueueView? View, string Error)> ReadQueueAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.GetOutboxStatusAsync(cancellationToken).ConfigureAwait(false);
        var transport = (queueOptions.Value.Parsed ?? QueueTransport.Embedded).ToString().ToLowerInvariant();
        if (queue is null)
        {
            return (new QueueView(0, 0, null, 0, pending.Pending, transport), "the queue is not configured in this host");
        }

        try
        {
            var status = await queue.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return (new QueueView(status.Depth, status.InFlight, status.OldestAge, status.DeadLetters, pending.Pending, transport, status.Caveat), string.Empty);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The status page is where a broken queue shows; it must still render.
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
