using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>Body of a failed token request: <c>{"error":"invalid_grant","error_description":"…"}</c>.</summary>
internal sealed record SalesforceOAuthError
{
    [JsonPropertyName("error")]
    public string Error { get; init; } = string.Empty;

    [JsonPropertyName("error_description")]
    public string Description { get; init; } = string.Empty;
}
