using System.Globalization;
using System.Text.Json;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>
/// Reads one contact from its raw JSON. A record of the wrong shape (not an object, no id, a non-numeric id,
/// properties that are not an object, no usable last-modified time) gives an error message instead, so the rest
/// of the page goes on.
/// </summary>
internal static class HubSpotContactParser
{
    public const string LastModifiedProperty = "lastmodifieddate";

    public static bool TryParse(JsonElement element, out HubSpotContactRecord? record, out string error)
    {
        record = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"record is a JSON {element.ValueKind}, not an object";
            return false;
        }

        if (!element.TryGetProperty("id", out var idElement) || idElement.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            error = "record has no id";
            return false;
        }

        var id = idElement.ValueKind switch
        {
            JsonValueKind.String => idElement.GetString() ?? string.Empty,
            JsonValueKind.Number => idElement.GetRawText(),
            _ => string.Empty,
        };
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numericId))
        {
            error = id.Length == 0 ? "record id is not a string or number" : $"record id '{Truncate(id)}' is not a HubSpot object id";
            return false;
        }

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (element.TryGetProperty("properties", out var propertiesElement))
        {
            if (propertiesElement.ValueKind != JsonValueKind.Object)
            {
                error = $"record {id}: properties is a JSON {propertiesElement.ValueKind}, not an object";
                return false;
            }

            foreach (var property in propertiesElement.EnumerateObject())
            {
                properties[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.Object or JsonValueKind.Array => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        DateTimeOffset? lastModified = ParseInstant(properties.GetValueOrDefault(LastModifiedProperty))
            ?? ReadInstant(element, "updatedAt");
        if (lastModified is null)
        {
            error = $"record {id}: no readable lastmodifieddate or updatedAt";
            return false;
        }

        var archived = element.TryGetProperty("archived", out var archivedElement) && archivedElement.ValueKind == JsonValueKind.True;
        record = new HubSpotContactRecord(id, numericId, properties, lastModified.Value, archived, ReadInstant(element, "archivedAt"));
        error = string.Empty;
        return true;
    }

    /// <summary>HubSpot sends datetimes as ISO 8601 text, some portals as epoch milliseconds.</summary>
    public static DateTimeOffset? ParseInstant(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static DateTimeOffset? ReadInstant(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? ParseInstant(value.GetString()) : null;

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40];
}
