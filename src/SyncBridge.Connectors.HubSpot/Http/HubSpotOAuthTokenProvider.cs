using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Configuration;
using SyncBridge.Connectors.HubSpot.Logging;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// OAuth 2.0 refresh-token flow: exchanges the refresh token for an access token, caches it until shortly before
/// it expires, keeps the rotated refresh token in memory. One refresh at a time.
/// </summary>
internal sealed class HubSpotOAuthTokenProvider(
    IHubSpotOAuthApi api,
    IOptions<HubSpotOptions> options,
    TimeProvider timeProvider,
    ILogger<HubSpotOAuthTokenProvider> logger) : IHubSpotAccessTokenProvider, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private string? _accessToken;
    private string? _refreshToken;
    private DateTimeOffset _expiresAt;

    public bool CanRefresh => true;

    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _accessToken);
        if (token is not null && timeProvider.GetUtcNow() < _expiresAt)
        {
            return token;
        }

        return await RefreshAsync(token ?? string.Empty, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _accessToken;
            if (current is not null && !string.Equals(current, rejectedToken, StringComparison.Ordinal) && timeProvider.GetUtcNow() < _expiresAt)
            {
                return current;
            }

            var settings = options.Value;
            var oauth = settings.OAuth;
            var form = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = oauth.ClientId ?? string.Empty,
                ["client_secret"] = oauth.ClientSecret ?? string.Empty,
                ["refresh_token"] = _refreshToken ?? oauth.RefreshToken ?? string.Empty,
            };
            var response = await api.RefreshAsync(oauth.TokenUrl.AbsolutePath.TrimStart('/'), form, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.AccessToken))
            {
                throw new InvalidOperationException("HubSpot's token endpoint answered without an access_token.");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 0));
            var margin = oauth.RefreshBeforeExpiry < lifetime ? oauth.RefreshBeforeExpiry : TimeSpan.Zero;
            _expiresAt = timeProvider.GetUtcNow() + lifetime - margin;
            if (!string.IsNullOrEmpty(response.RefreshToken))
            {
                _refreshToken = response.RefreshToken;
            }

            Volatile.Write(ref _accessToken, response.AccessToken);
            Log.TokenRefreshed(logger, settings.AccountName, _expiresAt);
            return response.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();
}
