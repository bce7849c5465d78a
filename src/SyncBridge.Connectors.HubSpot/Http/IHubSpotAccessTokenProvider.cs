namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>Supplies the bearer token of a HubSpot account.</summary>
public interface IHubSpotAccessTokenProvider
{
    /// <summary>True when a rejected token can be replaced (OAuth); a static token cannot.</summary>
    bool CanRefresh { get; }

    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="rejectedToken"/> after a 401. When another caller already replaced it, returns
    /// that newer token without calling the token endpoint again.
    /// </summary>
    ValueTask<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken);
}
