namespace SyncBridge.Core.Decisions;

/// <summary>
/// One node of a segment's condition tree. Every test set on a node must hold (and); <see cref="All"/>,
/// <see cref="Any"/> and <see cref="Not"/> combine child nodes. A node with no test at all is rejected at start-up.
/// Attribute lists match any of their values, ignoring case.
/// </summary>
public sealed class SegmentCondition
{
    /// <summary>Every child holds.</summary>
    public List<SegmentCondition>? All { get; set; }

    /// <summary>At least one child holds.</summary>
    public List<SegmentCondition>? Any { get; set; }

    /// <summary>The child does not hold.</summary>
    public SegmentCondition? Not { get; set; }

    /// <summary>Seniority wire names: executive, director, manager, individual_contributor, unknown.</summary>
    public List<string>? Seniority { get; set; }

    /// <summary>Department wire names: marketing, sales, engineering, it, finance, hr, operations, executive, other.</summary>
    public List<string>? Department { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public List<string>? Country { get; set; }

    /// <summary>Industry values (whole value, case ignored).</summary>
    public List<string>? Industry { get; set; }

    /// <summary>Lifecycle stage wire names (the stage after this run's move).</summary>
    public List<string>? LifecycleStage { get; set; }

    /// <summary>The title contains any of these (case ignored).</summary>
    public List<string>? TitleContains { get; set; }

    /// <summary>Employee count within the range (unknown size never matches).</summary>
    public SegmentRange? CompanySize { get; set; }

    /// <summary>Score within the range.</summary>
    public SegmentRange? Score { get; set; }

    /// <summary>Clicked an email within this many days.</summary>
    public int? ClickedWithinDays { get; set; }

    /// <summary>Attended an event or seminar within this many days (use a large value for "ever").</summary>
    public int? AttendedEventWithinDays { get; set; }

    /// <summary>Viewed pages matching a pattern at least k times within N days.</summary>
    public SegmentUrlCondition? ViewedUrl { get; set; }

    /// <summary>Hot (true) or not hot (false).</summary>
    public bool? Hot { get; set; }

    /// <summary>Re-engaged (true) or not (false).</summary>
    public bool? Reengaged { get; set; }
}
