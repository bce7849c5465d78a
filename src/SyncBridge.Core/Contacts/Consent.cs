namespace SyncBridge.Core.Contacts;

public enum ConsentState
{
    Unknown = 0,
    Granted,
    Denied,
}

/// <summary>
/// Whether the person may be emailed. Null booleans mean unknown: a source that says nothing must not
/// be read as "no".
/// </summary>
public sealed record Consent
{
    public static readonly Consent Unknown = new();

    /// <summary>Unsubscribed from all email (HubSpot <c>hs_email_optout</c>, Salesforce <c>HasOptedOutOfEmail</c>).</summary>
    public bool? UnsubscribedFromAll { get; init; }

    /// <summary>The address hard-bounced (HubSpot hard-bounce reason, Salesforce <c>IsEmailBounced</c>).</summary>
    public bool? HardBounced { get; init; }

    public string BounceReason { get; init; } = string.Empty;

    public ConsentState State { get; init; }

    /// <summary>The lawful basis recorded for processing (e.g. "legitimate_interest", "consent"), or empty.</summary>
    public string LawfulBasis { get; init; } = string.Empty;
}
