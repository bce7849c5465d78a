using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>One element of an sObject Collections response (same order as the request's records).</summary>
internal sealed record SalesforceSaveResult
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<SalesforceError> Errors { get; init; } = [];

    /// <summary>Upsert only (v46+): whether the record was created.</summary>
    [JsonPropertyName("created")]
    public bool? Created { get; init; }
}
