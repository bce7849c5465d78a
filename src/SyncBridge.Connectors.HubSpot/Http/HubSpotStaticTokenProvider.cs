using Microsoft.Extensions.Options;
using SyncBridge.Connectors.HubSpot.Configuration;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>A service key or private-app token from configuration.</summary>
internal sealed class HubSpotStaticTokenProvider(IOptions<HubSpotOptions> options) : IHubSpotAccessTokenProvider
{
    public bool CanRefresh => false;

    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.Value.AccessToken ?? string.Empty);

    public ValueTask<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken) =>
        GetAccessTokenAsync(cancellationToken);
}
