using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Telemetry;

namespace SyncBridge.Worker.Updates;

/// <summary>
/// Decides into the outbox every <see cref="OutboxOptions.DecideInterval"/> while <c>run</c> runs (nothing happens
/// when no stored contact changed). This is the edge: a failed run is logged and the next interval tries again; the
/// decisions cursor is only saved after a commit, so nothing is skipped.
/// </summary>
internal sealed partial class DecideLoop(PersonDecider decider, IOptions<OutboxOptions> options, TimeProvider time, ILogger<DecideLoop> logger, SyncBridgeMetrics? metrics = null)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var summary = await decider.DecideAsync(cancellationToken).ConfigureAwait(false);
                metrics?.RecordDecisions(summary);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.DecideFailed(logger, ex);
            }

            await Task.Delay(options.Value.DecideInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1721, Level = LogLevel.Error, Message = "Deciding from the state store failed; the next interval tries again")]
        public static partial void DecideFailed(ILogger logger, Exception exception);
    }
}
