using Refit;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Forms and their submissions (the form-integrations v1 API has no date-versioned path).</summary>
public interface IHubSpotFormsApi
{
    /// <summary>Submissions of one form, newest first, <paramref name="limit"/> ≤ 50.</summary>
    [Get("/form-integrations/v1/submissions/forms/{formGuid}")]
    Task<HubSpotFormSubmissions> GetSubmissionsAsync(string formGuid, int limit, string? after, CancellationToken cancellationToken);

    /// <summary>The portal's forms (Marketing Forms API v3), <paramref name="limit"/> ≤ 100, archived ones excluded.</summary>
    [Get("/marketing/v3/forms")]
    Task<HubSpotFormList> ListFormsAsync(int limit, string? after, CancellationToken cancellationToken);
}
