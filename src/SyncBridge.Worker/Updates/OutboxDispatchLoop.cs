using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Updates;

/// <summary>
/// Dispatches the outbox every <see cref="OutboxOptions.DispatchInterval"/> until stopped. This is the edge: a failed
/// dispatch (queue unreachable) is logged and tried again at the next interval; the rows stay pending meanwhile.
/// </summary>
internal sealed partial class OutboxDispatchLoop(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatchLoop> logger)
{
    /// <summary>Messages sent since the loop started.</summary>
    public long Sent { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await DispatchOnceAsync(cancellationToken).ConfigureAwait(false);
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 1701, Level = LogLevel.Error, Message = "Dispatching the outbox failed; the messages stay pending and the next dispatch tries again")]
        public static partial void DispatchFailed(ILogger logger, Exception exception);
    }
}
