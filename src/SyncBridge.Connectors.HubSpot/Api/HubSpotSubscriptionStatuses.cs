namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Email subscription statuses of one recipient (Communication Preferences API).</summary>
public sealed record HubSpotSubscriptionStatuses(string? Recipient, IReadOnlyList<HubSpotSubscriptionStatus>? SubscriptionStatuses);

/// <summary>One subscription type: <see cref="Status"/> is SUBSCRIBED or NOT_SUBSCRIBED.</summary>
public sealed record HubSpotSubscriptionStatus
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Status { get; init; }

    public string? SourceOfStatus { get; init; }

    public string? LegalBasis { get; init; }

    public string? LegalBasisExplanation { get; init; }
}
