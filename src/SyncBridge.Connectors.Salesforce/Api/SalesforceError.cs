using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>
/// One error in either of Salesforce's two shapes: a top-level error <c>{message, errorCode, fields}</c> or a
/// per-record error inside a save result <c>{statusCode, message, fields}</c>.
/// </summary>
internal sealed record SalesforceError
{
    [JsonPropertyName("message")]
    public string Message { get; init; } = string.Empty;

    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("statusCode")]
    public string? StatusCode { get; init; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>The code, whichever shape carried it.</summary>
    [JsonIgnore]
    public string Code => ErrorCode ?? StatusCode ?? string.Empty;

    public override string ToString()
    {
        var fields = Fields is { Count: > 0 } ? " [" + string.Join(", ", Fields) + "]" : string.Empty;
        return $"{Code}: {Message}{fields}";
    }
}
