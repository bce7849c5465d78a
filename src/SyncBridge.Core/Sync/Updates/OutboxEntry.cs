using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>A message waiting in the outbox; <paramref name="Id"/> orders the outbox and is what <see cref="IOutboxStore.MarkSentAsync"/> takes.</summary>
public sealed record OutboxEntry(long Id, UpdateMessage Message);
