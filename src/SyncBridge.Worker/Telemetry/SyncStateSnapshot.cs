using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.HubSpot.Configuration;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.Salesforce.Diagnostics;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Worker.Telemetry;

/// <summary>
/// What the gauges of <see cref="SyncBridgeMetrics"/> report. Observable instruments are read synchronously, while the
/// queue and the state store answer asynchronously: <see cref="RefreshAsync"/> reads them (at most every
/// <see cref="CacheFor"/>) before a scrape, and the observe methods return the last figures read. The API budget comes
/// from the connectors' meters (the last <c>X-HubSpot-RateLimit-Daily*</c> / <c>Sforce-Limit-Info</c> seen); the lag is
/// computed when observed, so it keeps growing between refreshes. Every dependency is optional: a host without a queue
/// or a CRM reports no such series.
/// </summary>
internal sealed partial class SyncStateSnapshot(
    TimeProvider time,
    ILogger<SyncStateSnapshot> logger,
    IReportStore? reports = null,
    IQueueMonitor? queue = null,
    HubSpotMetrics? hubspot = null,
    IOptions<HubSpotOptions>? hubspotOptions = null,
    SalesforceMetrics? salesforce = null)
{
    /// <summary>How long the queue and source figures are reused before they are read again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private volatile Figures? _figures;

    /// <summary>Reads the queue and the sources again unless the last read is younger than <see cref="CacheFor"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_figures is { } last && now - last.ReadAt < CacheFor)
        {
            return;
        }

        QueueStatus? status = null;
        if (queue is not null)
        {
            try
            {
                status = await queue.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The gauges are left out (not reported as zero) until the queue answers again; /readyz says why.
                Log.QueueUnreadable(logger, ex);
            }
        }

        IReadOnlyList<SourceStatus> sources = [];
        if (reports is not null)
        {
            try
            {
                sources = await reports.ListSourcesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SourcesUnreadable(logger, ex);
            }
        }

        _figures = new Figures(now, status, sources);
    }

    public IEnumerable<Measurement<long>> ObserveQueueDepth() =>
        _figures?.Queue is { } q ? [new Measurement<long>(q.Depth)] : [];

    public IEnumerable<Measurement<long>> ObserveDeadLetters() =>
        _figures?.Queue is { } q ? [new Measurement<long>(q.DeadLetters)] : [];

    public IEnumerable<Measurement<double>> ObserveSyncLag()
    {
        var now = time.GetUtcNow();
        return [.. (_figures?.Sources ?? [])
            .Where(s => s.CursorTimestamp is not null)
            .Select(s => new Measurement<double>(s.LagAt(now)!.Value.TotalSeconds, new KeyValuePair<string, object?>("source", s.Source)))];
    }

    public IEnumerable<Measurement<double>> ObserveApiBudget()
    {
        var measurements = new List<Measurement<double>>(2);
        if (hubspot is not null && hubspotOptions is not null && hubspot.DailyBudget(hubspotOptions.Value.AccountName) is { Limit: > 0 } daily)
        {
            measurements.Add(Ratio("hubspot", daily.Limit - daily.Remaining, daily.Limit));
        }

        if (salesforce is { Limit: > 0, Used: >= 0 })
        {
            measurements.Add(Ratio("salesforce", salesforce.Used, salesforce.Limit));
        }

        return measurements;
    }

    private static Measurement<double> Ratio(string crm, long used, long limit) =>
        new(Math.Clamp((double)used / limit, 0, 1), new KeyValuePair<string, object?>("crm", crm));

    private sealed record Figures(DateTimeOffset ReadAt, QueueStatus? Queue, IReadOnlyList<SourceStatus> Sources);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "Metrics: the queue could not report its depth; the queue gauges are left out of this scrape")]
        public static partial void QueueUnreadable(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 1902, Level = LogLevel.Warning, Message = "Metrics: the sources could not be read from the state store; the lag gauge is left out of this scrape")]
        public static partial void SourcesUnreadable(ILogger logger, Exception exception);
    }
}
