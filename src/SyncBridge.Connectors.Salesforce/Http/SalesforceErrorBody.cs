using System.Text.Json;
using SyncBridge.Connectors.Salesforce.Api;

namespace SyncBridge.Connectors.Salesforce.Http;

/// <summary>Reads Salesforce's top-level error array <c>[{message, errorCode, fields}]</c> from a response body.</summary>
internal static class SalesforceErrorBody
{
    public static IReadOnlyList<SalesforceError> Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return root.Deserialize<List<SalesforceError>>(SalesforceJson.Options) ?? [];
            }

            if (root.ValueKind == JsonValueKind.Object)
            {
                var single = root.Deserialize<SalesforceError>(SalesforceJson.Options);
                return single is null ? [] : [single];
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy): the caller reports the status code alone.
        }

        return [];
    }

    public static string FirstMessage(string? body)
    {
        var errors = Parse(body);
        return errors.Count > 0 ? errors[0].ToString() : "(no error body)";
    }
}
