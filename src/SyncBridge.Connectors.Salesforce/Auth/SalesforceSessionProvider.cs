using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Diagnostics;
using SyncBridge.Connectors.Salesforce.Http;

namespace SyncBridge.Connectors.Salesforce.Auth;

/// <summary>
/// Holds the current Salesforce session. A session is reused until <see cref="SalesforceOptions.SessionLifetime"/>
/// passes or a call reports it invalid; concurrent callers that saw the same stale session share one renewal.
/// </summary>
internal sealed class SalesforceSessionProvider(
    ISalesforceAuthApi authApi,
    IOptions<SalesforceOptions> options,
    TimeProvider timeProvider,
    SalesforceMetrics metrics,
    ILogger<SalesforceSessionProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SalesforceSession? _current;

    /// <summary>The cached session, or a new one when there is none or it has outlived its lifetime.</summary>
    public async Task<SalesforceSession> GetSessionAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsFresh(current))
        {
            return current;
        }

        return await RenewAsync(current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces <paramref name="stale"/> with a new session. When another caller already replaced it, that
    /// session is returned without a new token request.
    /// </summary>
    public async Task<SalesforceSession> RenewAsync(SalesforceSession? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, stale) && IsFresh(current))
            {
                return current;
            }

            var fresh = await RequestAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(SalesforceSession session) =>
        timeProvider.GetUtcNow() < session.ObtainedAt + options.Value.SessionLifetime;

    private async Task<SalesforceSession> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var form = SalesforceTokenForm.Create(settings, now);
        using var response = await authApi.RequestTokenAsync(form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            SalesforceResponses.ThrowIfNotReceived(response);
            metrics.RecordTokenRequest(success: false);
            var status = (int)(response.StatusCode ?? 0);
            var error = ParseError(SalesforceResponses.ErrorContent(response));
            Log.TokenRequestFailed(logger, status, error.Error);
            throw new SalesforceAuthenticationException(
                string.IsNullOrEmpty(error.Error) ? "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.Error,
                error.Description);
        }

        metrics.RecordTokenRequest(success: true);
        var token = response.Content;
        if (string.IsNullOrEmpty(token.AccessToken)
            || !Uri.TryCreate(token.InstanceUrl, UriKind.Absolute, out var instance))
        {
            throw new SalesforceAuthenticationException("invalid_response", "the token response has no access_token or instance_url");
        }

        Log.SessionObtained(logger, settings.Flow, instance.Host);
        return new SalesforceSession(token.AccessToken, instance, now);
    }

    private static SalesforceOAuthError ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new SalesforceOAuthError();
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<SalesforceOAuthError>(body, SalesforceJson.Options) ?? new SalesforceOAuthError();
        }
        catch (System.Text.Json.JsonException)
        {
            var first = SalesforceErrorBody.Parse(body);
            return first.Count > 0 ? new SalesforceOAuthError { Error = first[0].Code, Description = first[0].Message } : new SalesforceOAuthError();
        }
    }
}
