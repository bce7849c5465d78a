using Refit;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>The OAuth 2.0 token endpoint on the login host (form-encoded).</summary>
internal interface ISalesforceAuthApi
{
    [Post("/services/oauth2/token")]
    Task<IApiResponse<SalesforceTokenResponse>> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}
