namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// One target record's line in <c>applied_updates</c>: the applied version, and the current or last claim (a claim is
/// current while <see cref="ClaimConsumer"/> is set; <see cref="ClaimMessageId"/> stays after it ends, so the attempts
/// of one message id can be counted).
/// </summary>
internal sealed record AppliedUpdateRow(
    long AppliedVersion,
    string? AppliedMessageId,
    string? AppliedAt,
    string? ClaimConsumer,
    string? ClaimMessageId,
    DateTimeOffset? ClaimUntil,
    int Attempts,
    bool InDoubt,
    string LastError)
{
    public static readonly AppliedUpdateRow Empty = new(0, null, null, null, null, null, 0, false, string.Empty);

    /// <summary>True when <paramref name="consumerId"/> is not the holder and the holder's claim lasts beyond <paramref name="now"/>.</summary>
    public bool IsHeldByOtherThan(string consumerId, DateTimeOffset now) =>
        ClaimConsumer is not null
        && !string.Equals(ClaimConsumer, consumerId, StringComparison.Ordinal)
        && ClaimUntil > now;

    public bool IsClaimOf(string messageId) => string.Equals(ClaimMessageId, messageId, StringComparison.Ordinal);
}
