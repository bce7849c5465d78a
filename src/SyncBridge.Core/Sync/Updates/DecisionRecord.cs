using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// A decision as the state store keeps it (the latest per person): what was decided, when, and the trace as JSON
/// (<see cref="DecisionTraceJson"/>; empty when no trace was recorded).
/// </summary>
public sealed record DecisionRecord(
    string PersonId,
    LifecycleStage Stage,
    MarketingStatus Marketing,
    string ReasonCodes,
    double Score,
    bool Hot,
    DateTimeOffset DecidedAt,
    string TraceJson);
