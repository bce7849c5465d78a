namespace SyncBridge.Core.Decisions;

/// <summary>What scoring found for one person at the as-of instant; also the activity facts later rules read.</summary>
internal readonly record struct ScoreCard
{
    public double Fit { get; init; }
    public double Engagement { get; init; }
    public double Score { get; init; }
    public bool HighIntent { get; init; }
    public bool Hot { get; init; }
    public bool Reengaged { get; init; }
    public DateTimeOffset? LastEngagementAt { get; init; }
    public DateTimeOffset? LastConversionAt { get; init; }
    public bool AnyConversion { get; init; }
}
