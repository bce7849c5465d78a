using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Updates;

/// <summary>Runs the update path until there is nothing left to do: for <c>consume --until-empty</c> and the end of <c>sync</c>.</summary>
internal static partial class UpdateDrain
{
    /// <summary>How long receiving nothing while the queue cannot report its depth counts as empty.</summary>
    internal static readonly TimeSpan UnknownDepthGrace = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Dispatches and consumes until the outbox has nothing pending (when dispatching), a receive returns nothing and
    /// the queue's depth, in-flight messages included, is zero — or, when the queue cannot report its depth, nothing has
    /// been received for <see cref="UnknownDepthGrace"/>. Backs off as the consume loop does.
    /// </summary>
    public static Task RunUntilEmptyAsync(IServiceProvider services, OutboxDispatchLoop dispatch, UpdateConsumeLoop consume, bool dispatching, CancellationToken cancellationToken) =>
        RunUntilEmptyAsync(services, dispatch, consume, dispatching, UnknownDepthGrace, cancellationToken);

    /// <summary>As above, with the grace for a queue that cannot report its depth given (tests shorten it).</summary>
    internal static async Task RunUntilEmptyAsync(
        IServiceProvider services, OutboxDispatchLoop dispatch, UpdateConsumeLoop consume, bool dispatching, TimeSpan unknownDepthGrace, CancellationToken cancellationToken)
    {
        var outbox = services.GetRequiredService<IOutboxStore>();
        var monitor = services.GetRequiredService<IQueueMonitor>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UpdateDrain));
        var time = services.GetRequiredService<TimeProvider>();
        DateTimeOffset? quietSince = null;
        while (true)
        {
            if (dispatching)
            {
                await dispatch.DispatchOnceAsync(cancellationToken).ConfigureAwait(false);
            }

            var result = await consume.ConsumeOnceAsync(cancellationToken).ConfigureAwait(false);
            if (result is { Received: 0 }
                && (!dispatching || (await outbox.GetOutboxStatusAsync(cancellationToken).ConfigureAwait(false)).Pending == 0))
            {
                var empty = await QueueEmptyAsync(monitor, logger, cancellationToken).ConfigureAwait(false);
                if (empty == true)
                {
                    // Nothing pending, nothing visible and nothing locked by another (or a dead) consumer.
                    return;
                }

                quietSince ??= time.GetUtcNow();
                if (empty is null && time.GetUtcNow() - quietSince >= unknownDepthGrace)
                {
                    // The broker cannot say how deep the queue is (its management API keeps failing) and nothing has
                    // arrived for a while: stop rather than wait on a monitoring API forever.
                    Log.StoppedWithoutDepth(logger, unknownDepthGrace.TotalSeconds);
                    return;
                }
            }
            else
            {
                quietSince = null;
            }

            var delay = consume.NextDelay(result);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether the queue, in-flight messages included, is empty; null when it cannot say. This is the edge: a queue that
    /// cannot say (RabbitMQ's management API answers 500 for a queue it has not collected statistics for yet) is asked
    /// again after the next receive, for up to <see cref="UnknownDepthGrace"/> of receiving nothing.
    /// </summary>
    private static async Task<bool?> QueueEmptyAsync(IQueueMonitor monitor, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return (await monitor.GetStatusAsync(cancellationToken).ConfigureAwait(false)).Depth == 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StatusFailed(logger, ex);
            return null;
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

        [LoggerMessage(EventId = 1732, Level = LogLevel.Warning, Message = "Stopping: nothing received for {Seconds} s and the queue could not report its depth (messages another consumer holds, if any, are not waited for)")]
        public static partial void StoppedWithoutDepth(ILogger logger, double seconds);
    }
}
