namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// A message handed out by <see cref="IUpdateQueue.ReceiveAsync"/> under a lock. <paramref name="DeliveryCount"/> is 1
/// on the first delivery. <paramref name="LockToken"/> identifies this delivery: complete, abandon or dead-letter it
/// before <paramref name="LockedUntil"/>, or the message becomes visible again (and the token is no longer valid).
/// </summary>
public sealed record ReceivedUpdate(UpdateMessage Message, int DeliveryCount, string LockToken, DateTimeOffset LockedUntil);
