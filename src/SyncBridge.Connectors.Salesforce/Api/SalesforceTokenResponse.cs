using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>Body of a successful <c>POST /services/oauth2/token</c>.</summary>
internal sealed record SalesforceTokenResponse
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; init; } = string.Empty;

    [JsonPropertyName("instance_url")]
    public string InstanceUrl { get; init; } = string.Empty;

    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("token_type")]
    public string TokenType { get; init; } = string.Empty;

    /// <summary>Milliseconds since the Unix epoch, as a string.</summary>
    [JsonPropertyName("issued_at")]
    public string IssuedAt { get; init; } = string.Empty;

    [JsonPropertyName("signature")]
    public string Signature { get; init; } = string.Empty;
}
