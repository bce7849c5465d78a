namespace SyncBridge.Core.Contacts;

public enum AcquisitionChannel
{
    Unknown = 0,
    WebForm,
    LandingPage,
    TradeShow,
    Seminar,
    Webinar,
    Referral,
    Import,
    Outbound,
}

public enum AcquisitionDirection
{
    Unknown = 0,
    Inbound,
    Outbound,
}

/// <summary>How and when a person was first reached.</summary>
public sealed record Acquisition
{
    public static readonly Acquisition Unknown = new();

    public AcquisitionChannel Channel { get; init; }
    public AcquisitionDirection Direction { get; init; }
    public string SearchKeyword { get; init; } = string.Empty;
    public string ProductOfInterest { get; init; } = string.Empty;
    public DateTimeOffset? FirstTouchAt { get; init; }
}
