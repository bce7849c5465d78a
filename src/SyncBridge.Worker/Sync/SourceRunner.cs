using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Telemetry;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// Runs one ingest of one source and turns the CRMs' stop signals into an outcome the caller can report: a spent
/// daily quota stops that source until its reset, it is never hammered. This is the edge: anything else is logged
/// with the source's name and rethrown, so the job records a failure and its trigger tries again.
/// </summary>
internal sealed partial class SourceRunner(SourceIngestor ingestor, IReportStore reports, TimeProvider time, ILogger<SourceRunner> logger, SyncBridgeMetrics? metrics = null)
{
    /// <summary>Runs one ingest; <paramref name="stopAfterPage"/> ends it gracefully after the page in hand (see <see cref="SourceIngestor"/>).</summary>
    public async Task<SourceRunResult> RunAsync(IContactSource source, CancellationToken cancellationToken, CancellationToken stopAfterPage = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var started = time.GetUtcNow();
        SourceRunResult result;
        try
        {
            var summary = await ingestor.IngestAsync(source, cancellationToken, stopAfterPage).ConfigureAwait(false);
            result = new SourceRunResult(source.Name, summary, string.Empty);
            metrics?.RecordPolled(source.Name, summary.Contacts);
        }
        catch (HubSpotDailyLimitReachedException ex)
        {
            Log.SourceStopped(logger, source.Name, $"HubSpot daily limit reached; resets at {ex.ResetsAt:O}");
            result = new SourceRunResult(source.Name, null, $"stopped: HubSpot daily limit reached, resets at {ex.ResetsAt:O}");
        }
        catch (SalesforceLimitException ex)
        {
            Log.SourceStopped(logger, source.Name, ex.Message);
            result = new SourceRunResult(source.Name, null, "stopped: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SourceFailed(logger, source.Name, ex);
            await RecordAsync(source.Name, started, null, $"{ex.GetType().Name}: {PersonalDataRedactionEnricher.Redact(ex.Message) ?? ex.Message}", CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await RecordAsync(source.Name, started, result.Summary, result.Stopped, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Keeps the run for the status page; a failure to keep it is logged, never allowed to hide the run's own outcome.</summary>
    private async Task RecordAsync(string source, DateTimeOffset started, IngestSummary? summary, string error, CancellationToken cancellationToken)
    {
        try
        {
            await reports.SaveSourceRunAsync(
                new SourceRunRecord(source, started, time.GetUtcNow(), summary?.Pages ?? 0, summary?.Contacts ?? 0, summary?.Errors ?? 0, error),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RunNotRecorded(logger, source, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Source {Source} stopped until its limit resets: {Reason}")]
        public static partial void SourceStopped(ILogger logger, string source, string reason);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Source {Source} failed; its next trigger tries again")]
        public static partial void SourceFailed(ILogger logger, string source, Exception exception);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Source {Source}: its run could not be recorded for the status page")]
        public static partial void RunNotRecorded(ILogger logger, string source, Exception exception);
    }
}

/// <summary>The outcome of one source run: its summary, or why it stopped.</summary>
internal sealed record SourceRunResult(string Source, IngestSummary? Summary, string Stopped)
{
    public override string ToString() => Summary?.ToString() ?? $"{Source}: {Stopped}";
}
