using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// A dead-lettered update as an operator sees it: <paramref name="Reason"/> is <see cref="DeadLetterReasons.MaxDeliveryCountExceeded"/>
/// or the consumer's reason, <paramref name="Description"/> the first error text. <paramref name="Id"/> is the id to
/// replay or purge with.
/// </summary>
public sealed record DeadLetter(
    long Id,
    string MessageId,
    string PersonKey,
    SourceRef Target,
    long Version,
    string Reason,
    string Description,
    int DeliveryCount,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset DeadLetteredAt);
