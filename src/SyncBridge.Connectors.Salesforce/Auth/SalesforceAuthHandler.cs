using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.Salesforce.Diagnostics;

namespace SyncBridge.Connectors.Salesforce.Auth;

/// <summary>
/// Sends every data call to the session's instance URL with its bearer token. On 401 INVALID_SESSION_ID it
/// renews the session once and retries the request once; a second 401 is returned as it is (never a loop).
/// </summary>
internal sealed class SalesforceAuthHandler(
    SalesforceSessionProvider sessions,
    ILogger<SalesforceAuthHandler> logger) : DelegatingHandler
{
    /// <summary>The base address the Refit client is registered with; replaced by the instance URL on every call.</summary>
    public static readonly Uri PlaceholderBaseAddress = new("https://salesforce-instance.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pathAndQuery = request.RequestUri?.PathAndQuery ?? "/";
        if (request.Content is not null)
        {
            // Buffered so the body can be sent again after a renewal.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var session = await sessions.GetSessionAsync(cancellationToken).ConfigureAwait(false);
        Apply(request, session, pathAndQuery);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !await IsInvalidSessionAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        Log.SessionRenewing(logger, request.RequestUri?.AbsolutePath ?? string.Empty);
        session = await sessions.RenewAsync(session, cancellationToken).ConfigureAwait(false);
        Apply(request, session, pathAndQuery);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Apply(HttpRequestMessage request, SalesforceSession session, string pathAndQuery)
    {
        request.RequestUri = new Uri(session.InstanceUrl, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
    }

    private static async Task<bool> IsInvalidSessionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return true;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length == 0 || body.Contains("INVALID_SESSION_ID", StringComparison.Ordinal);
    }
}
