using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// The consumer's ledger in the state store, so it is idempotent without relying on the broker: per target record the
/// last applied version, and a claim (consumer, expiry, attempts) so competing consumers never write one record at
/// the same time and a crash during a write is detected on redelivery.
/// </summary>
public interface IAppliedUpdateStore
{
    /// <summary>
    /// In one transaction, for each message (in the given order): <see cref="ClaimStatus.AlreadyApplied"/> when the
    /// target's applied version is at least the message's; <see cref="ClaimStatus.Busy"/> when another consumer's claim
    /// on the target lasts beyond now — even a claim of this very message: a consumer that died (or lost its lock) may
    /// still have a write in flight, which must land or fail before anyone reads the target, so a claim is only ever
    /// taken over once it expired (keep the claim duration above the CRM write timeout); otherwise claims the target for
    /// <paramref name="consumerId"/> until <paramref name="claimUntil"/> and returns <see cref="ClaimStatus.Claimed"/>.
    /// Two messages for one target in one call: the first is claimed, the second is Busy. A Claimed result is <see cref="UpdateClaim.InDoubt"/> when an
    /// earlier claim of the same message id, or the target's previous claim (of any message, e.g. an expired one), was
    /// neither recorded applied nor released: that write may have reached the target.
    /// </summary>
    Task<IReadOnlyList<UpdateClaim>> ClaimAsync(string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the expiry of the caller's open claims of these messages to <paramref name="claimUntil"/> (never earlier),
    /// while their writes are still in flight; a claim that is no longer the caller's is left alone. Returns how many
    /// claims were extended.
    /// </summary>
    Task<int> ExtendClaimsAsync(string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken);

    /// <summary>In one transaction: raises each target's applied version to the message's (never lowers it) and ends the caller's claims.</summary>
    Task RecordAppliedAsync(string consumerId, IReadOnlyList<UpdateMessage> applied, CancellationToken cancellationToken);

    /// <summary>Ends the caller's claims without applying (a failed write), keeping <paramref name="failures"/>' errors as each target's last error.</summary>
    Task ReleaseAsync(string consumerId, IReadOnlyList<(UpdateMessage Message, string Error)> failures, CancellationToken cancellationToken);

    /// <summary>The applied version of each target given (absent when none).</summary>
    Task<IReadOnlyDictionary<Contacts.SourceRef, long>> GetAppliedVersionsAsync(IReadOnlyCollection<Contacts.SourceRef> targets, CancellationToken cancellationToken);
}
