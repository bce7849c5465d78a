using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Telemetry;

namespace SyncBridge.Worker.Updates;

/// <summary>
/// Runs the update consumer until stopped: receives again at once while there is work, waits
/// <see cref="UpdateConsumerOptions.IdleDelay"/> when the queue is empty, and backs off exponentially (with jitter, up to
/// <see cref="UpdateConsumerOptions.MaxRetryDelay"/>) after batches with transient CRM failures or a failed receive.
/// This is the edge: a failure is logged and retried after the backoff; messages stay in the queue meanwhile.
/// </summary>
internal sealed partial class UpdateConsumeLoop(UpdateConsumer consumer, IOptions<UpdateConsumerOptions> options, TimeProvider time, ILogger<UpdateConsumeLoop> logger, SyncBridgeMetrics? metrics = null)
{
    private int _failuresInRow;

    /// <summary>Everything consumed since the loop started.</summary>
    public ConsumeBatchResult Total { get; private set; } = ConsumeBatchResult.Empty;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await ConsumeOnceAsync(cancellationToken).ConfigureAwait(false);
            var delay = NextDelay(result);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One receive; null when the receive itself failed (logged).</summary>
    public async Task<ConsumeBatchResult?> ConsumeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await consumer.ConsumeOnceAsync(cancellationToken).ConfigureAwait(false);
            Total = Total.Add(result);
            metrics?.RecordUpdates(result);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ConsumeFailed(logger, ex);
            return null;
        }
    }

    /// <summary>The wait before the next receive after <paramref name="result"/> (null = the receive failed).</summary>
    public TimeSpan NextDelay(ConsumeBatchResult? result)
    {
        var o = options.Value;
        if (result is not null && result.Retried == 0 && result.Busy == 0)
        {
            _failuresInRow = 0;
            return result.Received == 0 ? o.IdleDelay : TimeSpan.Zero;
        }

        _failuresInRow = Math.Min(_failuresInRow + 1, 30);
        var exponential = o.RetryDelay.TotalMilliseconds * Math.Pow(2, _failuresInRow - 1);
        var capped = Math.Min(exponential, o.MaxRetryDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter only spreads retries apart; it needs no cryptographic randomness.
        var jittered = capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(jittered, o.MaxRetryDelay.TotalMilliseconds));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1711, Level = LogLevel.Error, Message = "Receiving updates failed; retrying after a backoff")]
        public static partial void ConsumeFailed(ILogger logger, Exception exception);
    }
}
