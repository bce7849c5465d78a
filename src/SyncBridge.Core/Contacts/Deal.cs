namespace SyncBridge.Core.Contacts;

public enum DealOutcome
{
    Open = 0,
    Won,
    Lost,
}

/// <summary>A past or open opportunity / deal the person is part of.</summary>
public sealed record Deal(string Id, string Stage, DealOutcome Outcome)
{
    public string Name { get; init; } = string.Empty;
    public decimal? Amount { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}
