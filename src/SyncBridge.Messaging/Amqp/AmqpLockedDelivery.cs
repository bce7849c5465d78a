using Amqp;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// A delivery handed out under a lock: the broker's message (kept to settle it on the link it came on), the connection
/// scope it belongs to (a new scope means the lock is lost), the decoded update and when the client-side lock ends.
/// </summary>
internal sealed record AmqpLockedDelivery(Message Message, ReceiverLink Link, AmqpConnectionScope Scope, UpdateMessage Update, DateTimeOffset LockedUntil);
