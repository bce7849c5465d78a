using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>What a segment condition reads for one person.</summary>
internal readonly record struct SegmentContext(CanonicalContact Contact, ScoreCard Card, LifecycleStage Stage, long AsOfTicks);
