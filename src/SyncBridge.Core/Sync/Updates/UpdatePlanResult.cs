using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>What one <see cref="UpdatePlanner.CommitAsync"/> stored: decisions saved, and the update messages put in the outbox.</summary>
public sealed record UpdatePlanResult(int Decisions, IReadOnlyList<UpdateMessage> Messages);
