using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Updates;

/// <summary>
/// Dispatches the outbox every <see cref="OutboxOptions.DispatchInterval"/> until stopped. This is the edge: a failed
/// dispatch (queue unreachable) is logged and tried again at the next interval; the rows stay pending meanwhile.
/// </summary>
internal sealed partial class OutboxDispatchLoop(OutboxDispatcher dispatcher, IOutboxStore outbox, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatchLoop> logger)
{
    /// <summary>How often <see cref="RunAsync"/> deletes sent messages older than <see cref="OutboxOptions.RetainSent"/>.</summary>
    public static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    private DateTimeOffset? _lastPurge;

    /// <summary>Messages sent since the loop started.</summary>
    public long Sent { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await DispatchOnceAsync(cancellationToken).ConfigureAwait(false);
            await PurgeIfDueAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(options.Value.DispatchInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One dispatch; false when it failed (logged).</summary>
    public async Task<bool> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            Sent += await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DispatchFailed(logger, ex);
            return false;
        }
    }

    /// <summary>Deletes sent messages past their retention, at most every <see cref="PurgeEvery"/>; returns how many (0 when not due or failed, logged).</summary>
    public async Task<int> PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_lastPurge is { } last && now - last < PurgeEvery)
        {
            return 0;
        }

        _lastPurge = now;
        try
        {
            var purged = await outbox.PurgeSentAsync(now - options.Value.RetainSent, cancellationToken).ConfigureAwait(false);
            if (purged > 0)
            {
                Log.Purged(logger, purged, options.Value.RetainSent);
            }

            return purged;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PurgeFailed(logger, ex);
            return 0;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Deleted {Count} sent outbox messages older than {Retention}")]
        public static partial void Purged(ILogger logger, int count, TimeSpan retention);

        [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Deleting sent outbox messages failed; the next hour tries again")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 1701, Level = LogLevel.Error, Message = "Dispatching the outbox failed; the messages stay pending and the next dispatch tries again")]
        public static partial void DispatchFailed(ILogger logger, Exception exception);
    }
}
