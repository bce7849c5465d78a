using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// A dead-lettered update as an operator sees it: <paramref name="Reason"/> is <see cref="DeadLetterReasons.MaxDeliveryCountExceeded"/>
/// or the consumer's reason, <paramref name="Description"/> the first error text. <paramref name="MessageId"/> is the id to
/// replay or purge with (message ids are unique in a queue: the same person, target and version give the same id).
/// </summary>
public sealed record DeadLetter(
    string MessageId,
    string PersonKey,
    SourceRef Target,
    long Version,
    string Reason,
    string Description,
    int DeliveryCount,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset DeadLetteredAt);
