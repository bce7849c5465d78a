using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>What <see cref="IAppliedUpdateStore.ClaimAsync"/> found for one message.</summary>
public enum ClaimStatus
{
    /// <summary>The caller holds the target now and should write the update.</summary>
    Claimed = 0,

    /// <summary>A version at least as new was already applied to the target: complete the message without writing.</summary>
    AlreadyApplied,

    /// <summary>Another consumer holds the target (its claim has not expired): abandon the message and try later.</summary>
    Busy,
}

/// <summary>
/// One message's claim. <paramref name="Attempts"/> counts the claims of this message id (1 on the first).
/// <paramref name="InDoubt"/> is true when an earlier claim of this very message, or the target's previous claim of
/// any message, was neither recorded applied nor released (a consumer died during the write), so the target may
/// already hold this update or a newer one: check its version marker before writing (issue 6: without the target-level
/// case an older version was written over a newer one that a dead consumer had written, and the newer one again).
/// <paramref name="LastError"/> is the error released with the previous attempt, if any.
/// </summary>
public sealed record UpdateClaim(UpdateMessage Message, ClaimStatus Status, int Attempts, bool InDoubt, string LastError);
