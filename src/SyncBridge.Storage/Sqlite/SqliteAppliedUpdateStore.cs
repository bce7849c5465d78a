using Microsoft.Data.Sqlite;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// The consumer's idempotency ledger (<see cref="IAppliedUpdateStore"/>) in the SQLite state file, one row per target
/// record. Each call runs in one immediate transaction, so consumers in several processes sharing the file never claim
/// one target twice. A claim's in-doubt flag stays set for its message id until the message is recorded applied
/// (a failed, released retry does not prove the earlier, interrupted write did not land).
/// </summary>
internal sealed class SqliteAppliedUpdateStore(SqliteStateStore store, TimeProvider timeProvider) : IAppliedUpdateStore
{
    public async Task<IReadOnlyList<UpdateClaim>> ClaimAsync(
        string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerId);
        ArgumentNullException.ThrowIfNull(messages);
        var claims = new List<UpdateClaim>(messages.Count);
        if (messages.Count == 0)
        {
            return claims;
        }

        var now = timeProvider.GetUtcNow();
        await InTransactionAsync(
            async (ledger, nowText) =>
            {
                var claimedHere = new HashSet<SourceRef>();
                foreach (var message in messages)
                {
                    ArgumentNullException.ThrowIfNull(message, nameof(messages));
                    var row = await ledger.ReadAsync(message.Target, cancellationToken).ConfigureAwait(false) ?? AppliedUpdateRow.Empty;
                    var sameMessage = row.IsClaimOf(message.MessageId);
                    if (row.AppliedVersion >= message.Version)
                    {
                        claims.Add(new UpdateClaim(message, ClaimStatus.AlreadyApplied, sameMessage ? row.Attempts : 0, false, sameMessage ? row.LastError : string.Empty));
                        continue;
                    }

                    // A live claim of another consumer keeps the target busy, even for this very message: a dead
                    // holder may still have a write in flight, which must land or fail before the target is read.
                    if (claimedHere.Contains(message.Target) || row.IsHeldByOtherThan(consumerId, now))
                    {
                        claims.Add(new UpdateClaim(message, ClaimStatus.Busy, sameMessage ? row.Attempts : 0, false, sameMessage ? row.LastError : string.Empty));
                        continue;
                    }

                    claimedHere.Add(message.Target);
                    var claimed = row with
                    {
                        ClaimConsumer = consumerId,
                        ClaimMessageId = message.MessageId,
                        ClaimUntil = claimUntil,
                        Attempts = sameMessage ? row.Attempts + 1 : 1,

                        // An earlier claim of this message that never ended, or the target's previous claim of any
                        // message that never ended: that writer died during its write, which may have reached the target
                        // (an older version must not then be written over a newer one the dead consumer wrote).
                        InDoubt = (sameMessage && row.InDoubt) || row.ClaimConsumer is not null,
                        LastError = sameMessage ? row.LastError : string.Empty,
                    };
                    await ledger.WriteAsync(message.Target, claimed, nowText, cancellationToken).ConfigureAwait(false);
                    claims.Add(new UpdateClaim(message, ClaimStatus.Claimed, claimed.Attempts, claimed.InDoubt, claimed.LastError));
                }
            },
            now,
            cancellationToken).ConfigureAwait(false);
        return claims;
    }

    public async Task RecordAppliedAsync(string consumerId, IReadOnlyList<UpdateMessage> applied, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerId);
        ArgumentNullException.ThrowIfNull(applied);
        if (applied.Count == 0)
        {
            return;
        }

        await InTransactionAsync(
            async (ledger, nowText) =>
            {
                foreach (var message in applied)
                {
                    ArgumentNullException.ThrowIfNull(message, nameof(applied));
                    var row = await ledger.ReadAsync(message.Target, cancellationToken).ConfigureAwait(false) ?? AppliedUpdateRow.Empty;
                    if (message.Version > row.AppliedVersion)
                    {
                        row = row with { AppliedVersion = message.Version, AppliedMessageId = message.MessageId, AppliedAt = nowText };
                    }

                    if (string.Equals(row.ClaimConsumer, consumerId, StringComparison.Ordinal))
                    {
                        row = row with { ClaimConsumer = null, ClaimUntil = null };
                    }

                    if (row.IsClaimOf(message.MessageId))
                    {
                        row = row with { InDoubt = false, LastError = string.Empty };
                    }

                    await ledger.WriteAsync(message.Target, row, nowText, cancellationToken).ConfigureAwait(false);
                }
            },
            timeProvider.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ExtendClaimsAsync(string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerId);
        ArgumentNullException.ThrowIfNull(messages);
        var extended = 0;
        if (messages.Count == 0)
        {
            return extended;
        }

        await InTransactionAsync(
            async (ledger, nowText) =>
            {
                foreach (var message in messages)
                {
                    ArgumentNullException.ThrowIfNull(message, nameof(messages));
                    var row = await ledger.ReadAsync(message.Target, cancellationToken).ConfigureAwait(false);
                    if (row is null
                        || !string.Equals(row.ClaimConsumer, consumerId, StringComparison.Ordinal)
                        || !row.IsClaimOf(message.MessageId)
                        || (row.ClaimUntil is { } until && until >= claimUntil))
                    {
                        continue;
                    }

                    await ledger.WriteAsync(message.Target, row with { ClaimUntil = claimUntil.ToUniversalTime() }, nowText, cancellationToken).ConfigureAwait(false);
                    extended++;
                }
            },
            timeProvider.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
        return extended;
    }

    public async Task ReleaseAsync(string consumerId, IReadOnlyList<(UpdateMessage Message, string Error)> failures, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerId);
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return;
        }

        await InTransactionAsync(
            async (ledger, nowText) =>
            {
                foreach (var (message, error) in failures)
                {
                    ArgumentNullException.ThrowIfNull(message, nameof(failures));
                    var row = await ledger.ReadAsync(message.Target, cancellationToken).ConfigureAwait(false);
                    if (row is null
                        || !string.Equals(row.ClaimConsumer, consumerId, StringComparison.Ordinal)
                        || !row.IsClaimOf(message.MessageId))
                    {
                        // Not (or no longer) this caller's claim: another consumer's state is left alone.
                        continue;
                    }

                    var released = row with { ClaimConsumer = null, ClaimUntil = null, LastError = error ?? string.Empty };
                    await ledger.WriteAsync(message.Target, released, nowText, cancellationToken).ConfigureAwait(false);
                }
            },
            timeProvider.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<SourceRef, long>> GetAppliedVersionsAsync(IReadOnlyCollection<SourceRef> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var versions = new Dictionary<SourceRef, long>();
        if (targets.Count == 0)
        {
            return versions;
        }

        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var ledger = new AppliedUpdateLedger(connection, null);
            foreach (var target in targets)
            {
                if (await ledger.ReadAsync(target, cancellationToken).ConfigureAwait(false) is { AppliedVersion: > 0 } row)
                {
                    versions[target] = row.AppliedVersion;
                }
            }
        }

        return versions;
    }

    private async Task InTransactionAsync(Func<AppliedUpdateLedger, string, Task> work, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var ledger = new AppliedUpdateLedger(connection, transaction))
                {
                    await work(ledger, StoredTime.Format(now)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
