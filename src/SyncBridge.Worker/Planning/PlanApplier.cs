using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Sync;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Planning;

/// <summary>
/// Applies a saved plan on a running host: refuses it when the state moved since it was made (see
/// <see cref="PlanStateCheck"/>), else commits exactly its change sets through <see cref="IOutboxStore.CommitAsync"/>,
/// marks the population decided up to the plan's contact change (as <see cref="PersonDecider"/> does after a commit),
/// then publishes the outbox and applies the queued updates until nothing is left, as <c>sync</c> does.
/// </summary>
internal static partial class PlanApplier
{
    /// <summary>
    /// Applies <paramref name="plan"/> when the state has not moved and <paramref name="approve"/> (asked with the number
    /// of records to change, after the check) agrees; null approves.
    /// </summary>
    public static async Task<PlanApplyResult> ApplyAsync(IServiceProvider services, PlanFile plan, Func<int, bool>? approve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(plan);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlanApplier));
        if (await PlanStateCheck.FindChangeAsync(services, plan, cancellationToken).ConfigureAwait(false) is { } moved)
        {
            Log.Stale(logger, plan.Fingerprint.ContactSequence, moved);
            return new PlanApplyResult(moved, false, 0, string.Empty);
        }

        if (approve is not null && !approve(plan.RecordsToChange))
        {
            return new PlanApplyResult(null, true, 0, string.Empty);
        }

        await services.GetRequiredService<CrmBootstrapper>().EnsureAsync(cancellationToken).ConfigureAwait(false);
        var messages = await services.GetRequiredService<IOutboxStore>().CommitAsync(plan.ChangeSets, cancellationToken).ConfigureAwait(false);
        var decidedAt = plan.ChangeSets.Count > 0 ? plan.ChangeSets.Max(c => c.Decision.DecidedAt) : plan.CreatedAt;
        await services.GetRequiredService<IStateStore>().SaveCursorAsync(
            PersonDecider.CursorName,
            new SourceCursor(decidedAt, string.Empty, plan.Fingerprint.ContactSequence.ToString(CultureInfo.InvariantCulture)),
            cancellationToken).ConfigureAwait(false);
        Log.Committed(logger, plan.ChangeSets.Count, messages.Count);

        var dispatch = services.GetRequiredService<OutboxDispatchLoop>();
        var consume = services.GetRequiredService<UpdateConsumeLoop>();
        await UpdateDrain.RunUntilEmptyAsync(services, dispatch, consume, dispatching: true, cancellationToken).ConfigureAwait(false);
        return new PlanApplyResult(null, false, messages.Count, UpdateDrain.Summary(dispatch, consume));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1911, Level = LogLevel.Warning, Message = "Refused a plan made at contact change {Sequence}: {Reason}")]
        public static partial void Stale(ILogger logger, long sequence, string reason);

        [LoggerMessage(EventId = 1912, Level = LogLevel.Information, Message = "Applied a plan: committed {Decisions} decisions and {Messages} update messages to the outbox")]
        public static partial void Committed(ILogger logger, int decisions, int messages);
    }
}
