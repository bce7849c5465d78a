namespace SyncBridge.Core.Decisions;

/// <summary>
/// Settings of section <c>SyncBridge:Decisions:Segments</c>: named segments, each a <see cref="SegmentCondition"/>.
/// <code>
/// "Segments": {
///   "Definitions": {
///     "it-leaders-jp": { "Country": [ "JP" ], "Seniority": [ "executive", "director" ], "Department": [ "it" ] },
///     "pricing-lookers": { "ViewedUrl": { "Pattern": "/pricing*", "MinCount": 3, "WithinDays": 30 }, "Not": { "LifecycleStage": [ "customer" ] } },
///     "events-or-hot": { "Any": [ { "AttendedEventWithinDays": 365 }, { "Hot": true } ] }
///   }
/// }
/// </code>
/// </summary>
public sealed class SegmentsOptions
{
    public const string SectionName = "SyncBridge:Decisions:Segments";

    /// <summary>The largest number of segments (membership is kept as a 64-bit mask per person).</summary>
    public const int MaxSegments = 64;

    /// <summary>Segment name (letters, digits, '-', '_', '.') → its condition.</summary>
    public Dictionary<string, SegmentCondition> Definitions { get; set; } = new(StringComparer.Ordinal);
}
