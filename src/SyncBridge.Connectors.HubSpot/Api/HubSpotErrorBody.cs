namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>HubSpot's error body (also the 429 body, which adds errorType and policyName). Every field optional.</summary>
internal sealed record HubSpotErrorBody
{
    public string? Status { get; init; }

    public string? Message { get; init; }

    public string? CorrelationId { get; init; }

    public string? Category { get; init; }

    public string? ErrorType { get; init; }

    public string? PolicyName { get; init; }

    public IReadOnlyList<HubSpotErrorDetail>? Errors { get; init; }
}

internal sealed record HubSpotErrorDetail
{
    public string? Message { get; init; }

    public string? In { get; init; }

    public string? Code { get; init; }

    public string? SubCategory { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Context { get; init; }
}
