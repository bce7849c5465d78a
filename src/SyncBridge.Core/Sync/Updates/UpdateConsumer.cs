using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// Applies update messages to the CRMs through their <see cref="IContactSink"/>s, idempotently without relying on
/// the broker (which may redeliver, duplicate and reorder):
/// <list type="bullet">
/// <item>the ledger (<see cref="IAppliedUpdateStore"/>) skips a version not newer than the last applied to that
/// target, and its claims keep competing consumers off a record another one is writing;</item>
/// <item>one receive may hold several versions for one record: they are applied in version order, one round each; when
/// one goes back to the queue (busy or a transient failure) the newer ones of that record go back too, since a message
/// carries only the properties its version changed and an older version is skipped once a newer one is applied;</item>
/// <item>an update whose earlier attempt died during the write (in doubt) is first looked up in the target
/// (<see cref="IContactSink.ReadVersionsAsync"/>), so it is not written twice;</item>
/// <item>a transient CRM failure goes back to the queue (the caller backs off) until the delivery count reaches
/// <see cref="UpdateConsumerOptions.MaxDeliveryCount"/>, then dead-letters with the CRM's error; a rejection
/// dead-letters at once.</item>
/// </list>
/// A message is completed only after its applied version is recorded, so a crash at any point re-applies nothing
/// that was recorded and loses nothing that was not.
/// </summary>
public sealed partial class UpdateConsumer
{
    private readonly IUpdateQueue _queue;
    private readonly IAppliedUpdateStore _ledger;
    private readonly Dictionary<SourceSystem, IContactSink> _sinks = [];
    private readonly UpdateConsumerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UpdateConsumer> _logger;

    public UpdateConsumer(
        IUpdateQueue queue,
        IAppliedUpdateStore ledger,
        IEnumerable<IContactSink> sinks,
        IOptions<UpdateConsumerOptions> options,
        TimeProvider time,
        ILogger<UpdateConsumer> logger)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _ledger = ledger;
        _options = options.Value;
        _time = time;
        _logger = logger;
        foreach (var sink in sinks)
        {
            _sinks[sink.System] = sink;
        }

        ConsumerId = string.IsNullOrWhiteSpace(_options.ConsumerId)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}")
            : _options.ConsumerId;
    }

    /// <summary>The name this consumer claims targets under.</summary>
    public string ConsumerId { get; }

    /// <summary>Receives one batch and settles every message of it.</summary>
    public async Task<ConsumeBatchResult> ConsumeOnceAsync(CancellationToken cancellationToken)
    {
        var received = await _queue.ReceiveAsync(_options.BatchSize, _options.LockDuration, cancellationToken).ConfigureAwait(false);
        if (received.Count == 0)
        {
            return ConsumeBatchResult.Empty;
        }

        var tally = new Tally { Received = received.Count };
        var heldBack = new HashSet<SourceRef>();
        foreach (var round in Rounds(received))
        {
            await ProcessRoundAsync(await HoldBackAsync(round, heldBack, tally).ConfigureAwait(false), heldBack, tally, cancellationToken).ConfigureAwait(false);
        }

        var result = tally.ToResult();
        Log.BatchDone(_logger, result.Received, result.Applied, result.Skipped, result.Busy, result.Retried, result.DeadLettered, result.LockLost);
        return result;
    }

    /// <summary>
    /// Splits a receive into rounds so one round holds at most one message per target: round n holds each target's
    /// n-th lowest version. Within a round the receive order is kept.
    /// </summary>
    internal static List<List<ReceivedUpdate>> Rounds(IReadOnlyList<ReceivedUpdate> received)
    {
        var rounds = new List<List<ReceivedUpdate>>();
        var byTarget = received
            .Select((update, index) => (update, index))
            .GroupBy(x => x.update.Message.Target)
            .Select(g => g.OrderBy(x => x.update.Message.Version).ThenBy(x => x.index).ToList());
        var placed = new List<(int Round, int Index, ReceivedUpdate Update)>(received.Count);
        foreach (var group in byTarget)
        {
            for (var n = 0; n < group.Count; n++)
            {
                placed.Add((n, group[n].index, group[n].update));
            }
        }

        foreach (var item in placed.OrderBy(p => p.Round).ThenBy(p => p.Index))
        {
            if (rounds.Count == item.Round)
            {
                rounds.Add([]);
            }

            rounds[item.Round].Add(item.Update);
        }

        return rounds;
    }

    /// <summary>
    /// Abandons the messages of a round whose target had an older version go back to the queue in an earlier round of
    /// this receive (counted busy): written now, they would overtake it, and it would then be skipped with the
    /// properties only it carries. Returns the rest of the round.
    /// </summary>
    private async Task<List<ReceivedUpdate>> HoldBackAsync(List<ReceivedUpdate> round, HashSet<SourceRef> heldBack, Tally tally)
    {
        if (heldBack.Count == 0)
        {
            return round;
        }

        var rest = new List<ReceivedUpdate>(round.Count);
        foreach (var update in round)
        {
            if (!heldBack.Contains(update.Message.Target))
            {
                rest.Add(update);
            }
            else if (await SettleAsync(update, Settle.Abandon, tally).ConfigureAwait(false))
            {
                tally.Busy++;
            }
        }

        return rest;
    }

    private async Task ProcessRoundAsync(List<ReceivedUpdate> round, HashSet<SourceRef> heldBack, Tally tally, CancellationToken cancellationToken)
    {
        if (round.Count == 0)
        {
            return;
        }

        // A record held by another consumer's claim (often one that died mid-write) is waited for while this receive's
        // locks allow, then claimed: abandoning it instead would let a newer version of that record, received later,
        // be written first and this one then skipped.
        var waitUntil = round.Min(u => u.LockedUntil) - (_options.LockDuration / 5);
        if (_time.GetUtcNow() + _options.BusyWait < waitUntil)
        {
            waitUntil = _time.GetUtcNow() + _options.BusyWait;
        }

        var pending = round;
        while (pending.Count > 0)
        {
            var busy = await ClaimAndApplyAsync(pending, heldBack, tally, cancellationToken).ConfigureAwait(false);
            var step = TimeSpan.FromMilliseconds(Math.Min(250, Math.Max(1, _options.BusyWait.TotalMilliseconds)));
            if (busy.Count == 0 || _options.BusyWait <= TimeSpan.Zero || _time.GetUtcNow() + step > waitUntil)
            {
                foreach (var update in busy)
                {
                    heldBack.Add(update.Message.Target);
                    if (await SettleAsync(update, Settle.Abandon, tally).ConfigureAwait(false))
                    {
                        tally.Busy++;
                    }
                }

                return;
            }

            await Task.Delay(step, _time, cancellationToken).ConfigureAwait(false);
            pending = busy;
        }
    }

    /// <summary>
    /// While a CRM write is in flight (rate limits and retries can make it outlast <see cref="UpdateConsumerOptions.LockDuration"/>),
    /// keeps this consumer's ledger claims on its records alive every third of the lock duration, so no other consumer
    /// takes a record over and writes a newer version under a write that has not landed yet. A consumer that dies stops
    /// extending, and its claims expire as before. This is the edge of a side task: a failed extension is logged and
    /// tried again at the next beat.
    /// </summary>
    private async Task KeepClaimsAsync(IReadOnlyList<UpdateMessage> messages, CancellationToken writing)
    {
        var beat = _options.LockDuration / 3;
        while (true)
        {
            try
            {
                await Task.Delay(beat, _time, writing).ConfigureAwait(false);
                await _ledger.ExtendClaimsAsync(ConsumerId, messages, _time.GetUtcNow() + _options.LockDuration, writing).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (writing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ClaimsNotExtended(_logger, messages.Count, ex);
            }
        }
    }

    /// <summary>Claims the round's messages and applies the claimed ones; returns those another consumer holds.</summary>
    private async Task<List<ReceivedUpdate>> ClaimAndApplyAsync(List<ReceivedUpdate> round, HashSet<SourceRef> heldBack, Tally tally, CancellationToken cancellationToken)
    {
        var claimUntil = _time.GetUtcNow() + _options.LockDuration;
        var claims = await _ledger.ClaimAsync(ConsumerId, round.Select(u => u.Message).ToList(), claimUntil, cancellationToken).ConfigureAwait(false);
        var bySystem = new Dictionary<SourceSystem, List<Claimed>>();
        var skipped = new List<ReceivedUpdate>();
        var busy = new List<ReceivedUpdate>();
        for (var i = 0; i < round.Count; i++)
        {
            var update = round[i];
            var claim = claims[i];
            switch (claim.Status)
            {
                case ClaimStatus.AlreadyApplied:
                    Log.Skipped(_logger, update.Message.MessageId, update.Message.PersonKey, update.Message.Target, update.Message.Version);
                    skipped.Add(update);
                    break;
                case ClaimStatus.Busy:
                    busy.Add(update);
                    break;
                default:
                    if (!_sinks.ContainsKey(update.Message.Target.System))
                    {
                        var error = $"no connector writes to {update.Message.Target.System.ToName()} in this deployment";
                        await _ledger.ReleaseAsync(ConsumerId, [(update.Message, error)], cancellationToken).ConfigureAwait(false);
                        await DeadLetterAsync(update, DeadLetterReasons.NoSinkForTarget, error, tally).ConfigureAwait(false);
                        break;
                    }

                    if (!bySystem.TryGetValue(update.Message.Target.System, out var list))
                    {
                        list = [];
                        bySystem.Add(update.Message.Target.System, list);
                    }

                    list.Add(new Claimed(update, claim));
                    break;
            }
        }

        if (skipped.Count > 0)
        {
            tally.Skipped += skipped.Count - await CompleteAllAsync(skipped, tally).ConfigureAwait(false);
        }

        foreach (var (system, items) in bySystem)
        {
            await ApplyAsync(_sinks[system], items, heldBack, tally, cancellationToken).ConfigureAwait(false);
        }

        return busy;
    }

    private async Task ApplyAsync(IContactSink sink, List<Claimed> items, HashSet<SourceRef> heldBack, Tally tally, CancellationToken cancellationToken)
    {
        var alreadyThere = await FindAlreadyAppliedAsync(sink, items, cancellationToken).ConfigureAwait(false);
        var toWrite = new List<ContactUpdate>(items.Count);
        var byUpdate = new Dictionary<ContactUpdate, Claimed>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
        {
            if (alreadyThere.Contains(item))
            {
                continue;
            }

            var message = item.Update.Message;
            var update = new ContactUpdate(message.PersonKey, message.Target, message.Properties, message.Version);
            toWrite.Add(update);
            byUpdate.Add(update, item);
        }

        IReadOnlyList<WriteResult> results = [];
        if (toWrite.Count > 0)
        {
            using var writing = new CancellationTokenSource();
            var heartbeat = KeepClaimsAsync([.. byUpdate.Values.Select(item => item.Update.Message)], writing.Token);
            try
            {
                results = await sink.WriteAsync(toWrite, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The edge of the handler: a failed call (after the connector's own retries) fails the whole batch
                // transiently; the messages go back and the delivery count decides when to give up.
                Log.WriteFailed(_logger, sink.System.ToName(), toWrite.Count, ex);
                results = toWrite.Select(u => new WriteResult(u, WriteOutcome.Transient, ex.GetType().Name + ": " + ex.Message)).ToList();
            }
            finally
            {
                await writing.CancelAsync().ConfigureAwait(false);
                await heartbeat.ConfigureAwait(false);
            }
        }

        var applied = new List<Claimed>(alreadyThere);
        var failed = new List<(Claimed Item, WriteOutcome Outcome, string Error)>();
        var answered = new HashSet<Claimed>(ReferenceEqualityComparer.Instance);
        foreach (var result in results)
        {
            if (!byUpdate.TryGetValue(result.Update, out var item) || !answered.Add(item))
            {
                continue;
            }

            if (result.Outcome == WriteOutcome.Applied)
            {
                applied.Add(item);
            }
            else
            {
                failed.Add((item, result.Outcome, string.IsNullOrWhiteSpace(result.Error) ? result.Outcome.ToString() : result.Error));
            }
        }

        foreach (var item in byUpdate.Values.Where(item => !answered.Contains(item)))
        {
            failed.Add((item, WriteOutcome.Transient, "the connector returned no result for this update"));
        }

        if (applied.Count > 0)
        {
            await _ledger.RecordAppliedAsync(ConsumerId, applied.Select(a => a.Update.Message).ToList(), cancellationToken).ConfigureAwait(false);
            tally.Applied += applied.Count - await CompleteAllAsync(applied.Select(a => a.Update).ToList(), tally).ConfigureAwait(false);
        }

        if (failed.Count == 0)
        {
            return;
        }

        await _ledger.ReleaseAsync(ConsumerId, failed.Select(f => (f.Item.Update.Message, f.Error)).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (item, outcome, error) in failed)
        {
            var update = item.Update;
            Log.UpdateFailed(_logger, update.Message.MessageId, update.Message.PersonKey, update.Message.Target, outcome.ToString(), update.DeliveryCount, error);
            if (outcome == WriteOutcome.Rejected)
            {
                await DeadLetterAsync(update, DeadLetterReasons.CrmRejected, error, tally).ConfigureAwait(false);
            }
            else if (Math.Max(update.DeliveryCount, item.Claim.Attempts) >= _options.MaxDeliveryCount)
            {
                await DeadLetterAsync(update, DeadLetterReasons.MaxDeliveryCountExceeded, error, tally).ConfigureAwait(false);
            }
            else
            {
                heldBack.Add(update.Message.Target);
                if (await SettleAsync(update, Settle.Abandon, tally).ConfigureAwait(false))
                {
                    tally.Retried++;
                }
            }
        }
    }

    /// <summary>The in-doubt updates the target already holds (its version marker is at least theirs).</summary>
    private async Task<HashSet<Claimed>> FindAlreadyAppliedAsync(IContactSink sink, List<Claimed> items, CancellationToken cancellationToken)
    {
        var found = new HashSet<Claimed>(ReferenceEqualityComparer.Instance);
        var doubtful = items.Where(item => item.Claim.InDoubt).ToList();
        if (doubtful.Count == 0)
        {
            return found;
        }

        IReadOnlyDictionary<SourceRef, long> versions;
        try
        {
            versions = await sink.ReadVersionsAsync(doubtful.Select(item => item.Update.Message.Target).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Cannot tell: write them again (the same values), which is what a sink without a marker does anyway.
            Log.VersionReadFailed(_logger, sink.System.ToName(), doubtful.Count, ex);
            return found;
        }

        foreach (var item in doubtful)
        {
            if (versions.TryGetValue(item.Update.Message.Target, out var version) && version >= item.Update.Message.Version)
            {
                Log.FoundInTarget(_logger, item.Update.Message.MessageId, item.Update.Message.PersonKey, item.Update.Message.Target, item.Update.Message.Version);
                found.Add(item);
            }
        }

        return found;
    }

    /// <summary>Completes the updates in one go; returns how many had lost their lock (counted and logged: they come again).</summary>
    private async Task<int> CompleteAllAsync(IReadOnlyList<ReceivedUpdate> updates, Tally tally)
    {
        var lost = await _queue.CompleteAllAsync(updates).ConfigureAwait(false);
        foreach (var update in lost)
        {
            tally.LockLost++;
            Log.LockLost(_logger, update.Message.MessageId, update.Message.PersonKey);
        }

        return lost.Count;
    }

    private async Task DeadLetterAsync(ReceivedUpdate update, string reason, string description, Tally tally)
    {
        try
        {
            await _queue.DeadLetterAsync(update, reason, description).ConfigureAwait(false);
            tally.DeadLettered++;
            Log.DeadLettered(_logger, update.Message.MessageId, update.Message.PersonKey, update.Message.Target, reason, update.DeliveryCount);
        }
        catch (UpdateLockLostException)
        {
            tally.LockLost++;
            Log.LockLost(_logger, update.Message.MessageId, update.Message.PersonKey);
        }
    }

    private async Task<bool> SettleAsync(ReceivedUpdate update, Settle settle, Tally tally)
    {
        try
        {
            if (settle == Settle.Complete)
            {
                await _queue.CompleteAsync(update).ConfigureAwait(false);
            }
            else
            {
                await _queue.AbandonAsync(update).ConfigureAwait(false);
            }

            return true;
        }
        catch (UpdateLockLostException)
        {
            // The message comes again; the ledger then skips it (applied) or retries it (not applied).
            tally.LockLost++;
            Log.LockLost(_logger, update.Message.MessageId, update.Message.PersonKey);
            return false;
        }
    }

    private enum Settle
    {
        Complete,
        Abandon,
    }

    private sealed record Claimed(ReceivedUpdate Update, UpdateClaim Claim);

    private sealed class Tally
    {
        public int Received { get; set; }

        public int Applied { get; set; }

        public int Skipped { get; set; }

        public int Busy { get; set; }

        public int Retried { get; set; }

        public int DeadLettered { get; set; }

        public int LockLost { get; set; }

        public ConsumeBatchResult ToResult() => new(Received, Applied, Skipped, Busy, Retried, DeadLettered, LockLost);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1321, Level = LogLevel.Debug, Message = "Consumed {Received}: {Applied} applied, {Skipped} skipped, {Busy} busy, {Retried} retried, {DeadLettered} dead-lettered, {LockLost} lock lost")]
        public static partial void BatchDone(ILogger logger, int received, int applied, int skipped, int busy, int retried, int deadLettered, int lockLost);

        [LoggerMessage(EventId = 1322, Level = LogLevel.Debug, Message = "Skipped update {MessageId} of person {PersonKey} to {Target}: version {Version} is not newer than the applied one")]
        public static partial void Skipped(ILogger logger, string messageId, string personKey, SourceRef target, long version);

        [LoggerMessage(EventId = 1323, Level = LogLevel.Warning, Message = "Writing {Count} updates to {System} failed; they go back to the queue")]
        public static partial void WriteFailed(ILogger logger, string system, int count, Exception exception);

        [LoggerMessage(EventId = 1324, Level = LogLevel.Warning, Message = "Update {MessageId} of person {PersonKey} to {Target} failed ({Outcome}, delivery {DeliveryCount}): {Error}")]
        public static partial void UpdateFailed(ILogger logger, string messageId, string personKey, SourceRef target, string outcome, int deliveryCount, string error);

        [LoggerMessage(EventId = 1325, Level = LogLevel.Error, Message = "Dead-lettered update {MessageId} of person {PersonKey} to {Target}: {Reason} (delivery {DeliveryCount})")]
        public static partial void DeadLettered(ILogger logger, string messageId, string personKey, SourceRef target, string reason, int deliveryCount);

        [LoggerMessage(EventId = 1326, Level = LogLevel.Warning, Message = "Lost the lock of update {MessageId} of person {PersonKey}; it will be delivered again")]
        public static partial void LockLost(ILogger logger, string messageId, string personKey);

        [LoggerMessage(EventId = 1327, Level = LogLevel.Information, Message = "Update {MessageId} of person {PersonKey} was already in {Target} (version {Version}) after an interrupted attempt")]
        public static partial void FoundInTarget(ILogger logger, string messageId, string personKey, SourceRef target, long version);

        [LoggerMessage(EventId = 1328, Level = LogLevel.Warning, Message = "Could not read the version markers of {Count} in-doubt updates from {System}; writing them again")]
        public static partial void VersionReadFailed(ILogger logger, string system, int count, Exception exception);

        [LoggerMessage(EventId = 1329, Level = LogLevel.Warning, Message = "Could not extend the claims of {Count} updates whose CRM write is still in flight; trying again at the next beat")]
        public static partial void ClaimsNotExtended(ILogger logger, int count, Exception exception);
    }
}
