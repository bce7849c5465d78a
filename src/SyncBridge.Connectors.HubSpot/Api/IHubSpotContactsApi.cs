using Refit;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>
/// HubSpot CRM contacts. <c>objectsPath</c> is the generation's prefix from <see cref="HubSpotApiPaths"/>
/// (<c>crm/objects/2026-09</c> or <c>crm/v3/objects</c>).
/// </summary>
internal interface IHubSpotContactsApi
{
    /// <summary>Lists contacts in id order; <paramref name="archived"/> "true" lists archived (deleted) ones only.</summary>
    [Get("/{**objectsPath}/contacts")]
    Task<HubSpotContactListResponse> ListAsync(
        string objectsPath,
        int limit,
        string? after,
        [Query(CollectionFormat.Csv)] IEnumerable<string> properties,
        string archived,
        CancellationToken cancellationToken);

    [Post("/{**objectsPath}/contacts/search")]
    Task<HubSpotSearchResponse> SearchAsync(string objectsPath, [Body] HubSpotSearchRequest request, CancellationToken cancellationToken);

    [Post("/{**objectsPath}/contacts/batch/read")]
    Task<HubSpotBatchResponse> BatchReadAsync(string objectsPath, [Body] HubSpotBatchReadRequest request, CancellationToken cancellationToken);

    /// <summary>Updates up to 100 contacts by id; only the given properties change; "" clears one. 207 on partial failure.</summary>
    [Post("/{**objectsPath}/contacts/batch/update")]
    Task<HubSpotBatchResponse> BatchUpdateAsync(string objectsPath, [Body] HubSpotBatchInput<HubSpotObjectInput> request, CancellationToken cancellationToken);

    /// <summary>Creates or updates up to 100 contacts by <c>idProperty</c> (email); results carry <c>new</c>.</summary>
    [Post("/{**objectsPath}/contacts/batch/upsert")]
    Task<HubSpotBatchResponse> BatchUpsertAsync(string objectsPath, [Body] HubSpotBatchInput<HubSpotObjectInput> request, CancellationToken cancellationToken);
}
