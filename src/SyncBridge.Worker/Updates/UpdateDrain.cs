using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Updates;

/// <summary>Runs the update path until there is nothing left to do: for <c>consume --until-empty</c> and the end of <c>sync</c>.</summary>
internal static partial class UpdateDrain
{
    /// <summary>
    /// Dispatches and consumes until the outbox has nothing pending (when dispatching), a receive returns nothing and
    /// the queue's depth, in-flight messages included, is zero. Backs off as the consume loop does.
    /// </summary>
    public static async Task RunUntilEmptyAsync(IServiceProvider services, OutboxDispatchLoop dispatch, UpdateConsumeLoop consume, bool dispatching, CancellationToken cancellationToken)
    {
        var outbox = services.GetRequiredService<IOutboxStore>();
        var monitor = services.GetRequiredService<IQueueMonitor>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UpdateDrain));
        var time = services.GetRequiredService<TimeProvider>();
        while (true)
        {
            if (dispatching)
            {
                await dispatch.DispatchOnceAsync(cancellationToken).ConfigureAwait(false);
            }

            var result = await consume.ConsumeOnceAsync(cancellationToken).ConfigureAwait(false);
            if (result is { Received: 0 }
                && (!dispatching || (await outbox.GetOutboxStatusAsync(cancellationToken).ConfigureAwait(false)).Pending == 0)
                && await QueueEmptyAsync(monitor, logger, cancellationToken).ConfigureAwait(false))
            {
                // Nothing pending, nothing visible and nothing locked by another (or a dead) consumer.
                return;
            }

            var delay = consume.NextDelay(result);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether the queue, in-flight messages included, is empty. This is the edge: a queue that cannot say (RabbitMQ's
    /// management API answers 500 for a queue it has not collected statistics for yet) counts as not empty and is
    /// asked again after the next receive.
    /// </summary>
    private static async Task<bool> QueueEmptyAsync(IQueueMonitor monitor, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return (await monitor.GetStatusAsync(cancellationToken).ConfigureAwait(false)).Depth == 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StatusFailed(logger, ex);
            return false;
        }
    }

    /// <summary>One line: what was dispatched, received, applied, skipped, retried, busy, dead-lettered and lost.</summary>
    public static string Summary(OutboxDispatchLoop dispatch, UpdateConsumeLoop consume)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(consume);
        var total = consume.Total;
        return string.Create(CultureInfo.InvariantCulture,
            $"updates: dispatched {dispatch.Sent}; received {total.Received}: applied {total.Applied}, skipped {total.Skipped} (already applied), retried {total.Retried}, busy {total.Busy}, dead-lettered {total.DeadLettered}, lock lost {total.LockLost}");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1731, Level = LogLevel.Warning, Message = "The queue could not report its depth; asking again after the next receive")]
        public static partial void StatusFailed(ILogger logger, Exception exception);
    }
}
