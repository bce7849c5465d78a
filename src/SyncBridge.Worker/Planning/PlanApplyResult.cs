namespace SyncBridge.Worker.Planning;

/// <summary>
/// What <see cref="PlanApplier.ApplyAsync"/> did: why the plan was refused (null when it was not), whether the operator
/// declined it, the update messages committed, and the <c>updates: …</c> line of the drain.
/// </summary>
internal sealed record PlanApplyResult(string? Stale, bool Declined, int Queued, string Updates);
