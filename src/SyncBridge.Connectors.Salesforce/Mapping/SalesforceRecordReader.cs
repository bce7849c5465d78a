using System.Globalization;
using System.Text.Json;

namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>Reads field paths (<c>Email</c>, <c>Account.Name</c>) from a raw query record.</summary>
internal readonly struct SalesforceRecordReader(JsonElement record)
{
    public JsonElement Record { get; } = record;

    /// <summary>The value at <paramref name="path"/>, or false when the field or a parent is absent or null.</summary>
    public bool TryGet(string path, out JsonElement value)
    {
        value = Record;
        foreach (var part in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(part, out value) || value.ValueKind == JsonValueKind.Null)
            {
                value = default;
                return false;
            }
        }

        return true;
    }

    /// <summary>A scalar field as text ("" when absent); throws <see cref="FormatException"/> when it is an object or array.</summary>
    public string Text(string? path)
    {
        if (path is null || !TryGet(path, out var value))
        {
            return string.Empty;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw new FormatException($"field {path} is a {value.ValueKind}, not a value"),
        };
    }

    /// <summary>A checkbox field; null when absent. Throws <see cref="FormatException"/> for anything but a boolean.</summary>
    public bool? Boolean(string? path)
    {
        if (path is null || !TryGet(path, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw new FormatException($"field {path} is not a boolean"),
        };
    }

    /// <summary>A number field as an integer; null when absent. Throws <see cref="FormatException"/> when it is not a number.</summary>
    public int? Integer(string? path)
    {
        if (path is null || !TryGet(path, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return (int)Math.Clamp(Math.Round(number), int.MinValue, int.MaxValue);
        }

        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new FormatException($"field {path} is not a number");
    }

    public decimal? Decimal(string path)
    {
        if (!TryGet(path, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new FormatException($"field {path} is not a number");
    }

    /// <summary>A date-time field; null when absent. Throws <see cref="FormatException"/> when it does not parse.</summary>
    public DateTimeOffset? DateTime(string? path)
    {
        var text = Text(path);
        if (text.Length == 0)
        {
            return null;
        }

        return SalesforceDateTime.TryParse(text, out var parsed) ? parsed : throw new FormatException($"field {path} is not a date-time");
    }
}
