namespace SyncBridge.Connectors.HubSpot.Configuration;

/// <summary>OAuth 2.0 refresh-token settings of a HubSpot public/project app. Secrets come from configuration providers only.</summary>
public sealed class HubSpotOAuthOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    public Uri TokenUrl { get; set; } = new("https://api.hubapi.com/oauth/v1/token");

    /// <summary>Refresh this long before the access token expires.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(RefreshToken);
}
