using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Sqlite;
using RowKey = (string System, string ObjectType, string RecordId);

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// The consumer's idempotency ledger (<see cref="IAppliedUpdateStore"/>) in the PostgreSQL schema, one row per target record,
/// with the same rules as the SQLite ledger. Each call runs in one transaction holding the row locks of its targets
/// (<see cref="PostgresAppliedUpdateLedger"/>), so consumers in several processes sharing the database never claim one
/// target twice: a second claimer waits for the first one's commit and then sees its claim.
/// </summary>
internal sealed class PostgresAppliedUpdateStore(PostgresStateStore store, TimeProvider timeProvider) : IAppliedUpdateStore
{
    public async Task<IReadOnlyList<UpdateClaim>> ClaimAsync(
        string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerId);
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
        }

        var claims = new List<UpdateClaim>(messages.Count);
        if (messages.Count == 0)
        {
            return claims;
        }

        var now = timeProvider.GetUtcNow();
        await InTransactionAsync(
            messages.Select(m => m.Target),
            createMissing: true,
            (rows, changed) =>
            {
                var claimedHere = new HashSet<RowKey>();
                foreach (var message in messages)
                {
                    var key = PostgresAppliedUpdateLedger.Key(message.Target);
                    var row = rows.GetValueOrDefault(key) ?? AppliedUpdateRow.Empty;
                    var sameMessage = row.IsClaimOf(message.MessageId);
                    if (row.AppliedVersion >= message.Version)
                    {
                        claims.Add(new UpdateClaim(message, ClaimStatus.AlreadyApplied, sameMessage ? row.Attempts : 0, false, sameMessage ? row.LastError : string.Empty));
                        continue;
                    }

                    // A live claim of another consumer keeps the target busy, even for this very message (see the SQLite ledger).
                    if (claimedHere.Contains(key) || row.IsHeldByOtherThan(consumerId, now))
                    {
                        claims.Add(new UpdateClaim(message, ClaimStatus.Busy, sameMessage ? row.Attempts : 0, false, sameMessage ? row.LastError : string.Empty));
                        continue;
                    }

                    claimedHere.Add(key);
                    var claimed = row with
                    {
                        ClaimConsumer = consumerId,
                        ClaimMessageId = message.MessageId,
                        ClaimUntil = claimUntil,
                        Attempts = sameMessage ? row.Attempts + 1 : 1,

                        // An earlier claim that never ended: that writer died during its write, which may have reached the target.
                        InDoubt = (sameMessage && row.InDoubt) || row.ClaimConsumer is not null,
                        LastError = sameMessage ? row.LastError : string.Empty,
                    };
                    rows[key] = changed[key] = claimed;
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
        foreach (var message in applied)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(applied));
        }

        if (applied.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var nowText = StoredTime.Format(now.ToUniversalTime());
        await InTransactionAsync(
            applied.Select(m => m.Target),
            createMissing: true,
            (rows, changed) =>
            {
                foreach (var message in applied)
                {
                    var key = PostgresAppliedUpdateLedger.Key(message.Target);
                    var row = rows.GetValueOrDefault(key) ?? AppliedUpdateRow.Empty;
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

                    rows[key] = changed[key] = row;
                }
            },
            now,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ExtendClaimsAsync(string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerId);
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
        }

        var extended = 0;
        if (messages.Count == 0)
        {
            return extended;
        }

        await InTransactionAsync(
            messages.Select(m => m.Target),
            createMissing: false,
            (rows, changed) =>
            {
                foreach (var message in messages)
                {
                    var key = PostgresAppliedUpdateLedger.Key(message.Target);
                    if (!rows.TryGetValue(key, out var row)
                        || !string.Equals(row.ClaimConsumer, consumerId, StringComparison.Ordinal)
                        || !row.IsClaimOf(message.MessageId)
                        || (row.ClaimUntil is { } until && until >= claimUntil))
                    {
                        continue;
                    }

                    rows[key] = changed[key] = row with { ClaimUntil = claimUntil.ToUniversalTime() };
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
        foreach (var (message, _) in failures)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(failures));
        }

        if (failures.Count == 0)
        {
            return;
        }

        await InTransactionAsync(
            failures.Select(f => f.Message.Target),
            createMissing: false,
            (rows, changed) =>
            {
                foreach (var (message, error) in failures)
                {
                    var key = PostgresAppliedUpdateLedger.Key(message.Target);
                    if (!rows.TryGetValue(key, out var row)
                        || !string.Equals(row.ClaimConsumer, consumerId, StringComparison.Ordinal)
                        || !row.IsClaimOf(message.MessageId))
                    {
                        // Not (or no longer) this caller's claim: another consumer's state is left alone.
                        continue;
                    }

                    rows[key] = changed[key] = row with { ClaimConsumer = null, ClaimUntil = null, LastError = error ?? string.Empty };
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
            var rows = await new PostgresAppliedUpdateLedger(connection, null, store.Now())
                .LockAsync(targets, createMissing: false, cancellationToken).ConfigureAwait(false);
            foreach (var target in targets)
            {
                if (rows.GetValueOrDefault(PostgresAppliedUpdateLedger.Key(target)) is { AppliedVersion: > 0 } row)
                {
                    versions[target] = row.AppliedVersion;
                }
            }
        }

        return versions;
    }

    private async Task InTransactionAsync(
        IEnumerable<SourceRef> targets,
        bool createMissing,
        Action<Dictionary<RowKey, AppliedUpdateRow>, Dictionary<RowKey, AppliedUpdateRow>> work,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var ledger = new PostgresAppliedUpdateLedger(connection, transaction, now.ToUniversalTime());
                var rows = await ledger.LockAsync(targets, createMissing, cancellationToken).ConfigureAwait(false);
                var changed = new Dictionary<RowKey, AppliedUpdateRow>();
                work(rows, changed);
                await ledger.WriteAsync(changed, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
