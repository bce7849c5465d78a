using Refit;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>HubSpot's OAuth token endpoint; <c>tokenPath</c> is the path of the configured TokenUrl.</summary>
internal interface IHubSpotOAuthApi
{
    [Post("/{**tokenPath}")]
    Task<HubSpotTokenResponse> RefreshAsync(
        string tokenPath,
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}
