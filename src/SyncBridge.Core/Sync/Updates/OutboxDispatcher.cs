using Microsoft.Extensions.Logging;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// Publishes the outbox: reads pending messages in outbox order, sends them to the queue and marks them sent only
/// after the queue accepted them. A crash between the send and the mark sends them again (same message ids; the
/// queue or the consumer's ledger drops the duplicates), so nothing committed is ever lost. One dispatcher per
/// state store at a time keeps the send order; a second one is harmless, only wasteful.
/// </summary>
public sealed partial class OutboxDispatcher(IOutboxStore outbox, IUpdateQueue queue, ILogger<OutboxDispatcher> logger)
{
    /// <summary>How many outbox messages one send carries.</summary>
    public const int BatchSize = 500;

    /// <summary>Sends every pending message; returns how many were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var pending = await outbox.ReadPendingAsync(BatchSize, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                break;
            }

            await queue.SendAsync(pending.Select(entry => entry.Message).ToList(), cancellationToken).ConfigureAwait(false);
            await outbox.MarkSentAsync(pending.Select(entry => entry.Id).ToList(), cancellationToken).ConfigureAwait(false);
            sent += pending.Count;
            if (pending.Count < BatchSize)
            {
                break;
            }
        }

        if (sent > 0)
        {
            Log.Dispatched(logger, sent);
        }

        return sent;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "Dispatched {Count} update messages from the outbox to the queue")]
        public static partial void Dispatched(ILogger logger, int count);
    }
}
