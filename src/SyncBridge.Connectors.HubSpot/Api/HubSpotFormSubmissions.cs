namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>A page of <c>GET /form-integrations/v1/submissions/forms/{formGuid}</c> (≤ 50 per page, newest first).</summary>
public sealed record HubSpotFormSubmissions(IReadOnlyList<HubSpotFormSubmission>? Results, HubSpotPaging? Paging);

/// <summary>One submission: when (epoch milliseconds), from which page, with which field values.</summary>
public sealed record HubSpotFormSubmission
{
    /// <summary>HubSpot's id of the submission, when it sends one.</summary>
    public string? ConversionId { get; init; }

    public long SubmittedAt { get; init; }

    public string? PageUrl { get; init; }

    public IReadOnlyList<HubSpotFormValue>? Values { get; init; }
}

public sealed record HubSpotFormValue(string Name, string? Value)
{
    public string? ObjectTypeId { get; init; }
}
