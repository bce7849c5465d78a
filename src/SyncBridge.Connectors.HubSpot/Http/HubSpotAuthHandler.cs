using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Logging;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// Puts the account's bearer token on every request. A 401 refreshes the token once and resends once; a second
/// 401 is returned as it is (never a loop).
/// </summary>
internal sealed class HubSpotAuthHandler(IHubSpotAccessTokenProvider tokens, HubSpotAccountContext account, ILogger<HubSpotAuthHandler> logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !tokens.CanRefresh)
        {
            return response;
        }

        Log.UnauthorizedRefreshing(logger, account.Name);
        response.Dispose();
        var refreshed = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
