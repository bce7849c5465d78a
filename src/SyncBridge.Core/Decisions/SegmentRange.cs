namespace SyncBridge.Core.Decisions;

/// <summary>An inclusive range; an unset bound is open.</summary>
public sealed class SegmentRange
{
    public double? Min { get; set; }

    public double? Max { get; set; }
}
