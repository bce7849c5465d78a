using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Response of HubSpot's OAuth token endpoint.</summary>
internal sealed record HubSpotTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }
}
