using System.Globalization;

namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>
/// Salesforce date-times: responses use <c>2017-04-25T16:21:44.000+0000</c> (offset without a colon), which the
/// standard parsers refuse; SOQL literals and query parameters use UTC with a Z.
/// </summary>
internal static class SalesforceDateTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();

        // +0000 / -0530 → +00:00 / -05:30
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsAsciiDigit(text[^4]) && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out result);
    }

    public static DateTimeOffset? ParseOrNull(string? value) => TryParse(value, out var result) ? result : null;

    /// <summary>The SOQL literal / query parameter form: <c>2026-11-01T09:30:00.000Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
