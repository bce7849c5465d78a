namespace SyncBridge.Core.Decisions;

/// <summary>Viewed pages whose path matches <see cref="Pattern"/> at least <see cref="MinCount"/> times within <see cref="WithinDays"/> days.</summary>
public sealed class SegmentUrlCondition
{
    public string Pattern { get; set; } = string.Empty;

    public int MinCount { get; set; } = 1;

    /// <summary>Null: any time before the as-of instant.</summary>
    public int? WithinDays { get; set; }
}
