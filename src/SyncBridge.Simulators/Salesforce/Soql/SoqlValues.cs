using System.Globalization;

namespace SyncBridge.Simulators.Salesforce.Soql;

/// <summary>Literal parsing and comparison of field values (string, bool, number, date-time).</summary>
internal static class SoqlValues
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
    ];

    public static object? ParseLiteral(SoqlToken token)
    {
        if (token.Kind == SoqlTokenKind.String)
        {
            return token.Text;
        }

        if (token.IsKeyword("null"))
        {
            return null;
        }

        if (token.IsKeyword("true"))
        {
            return true;
        }

        if (token.IsKeyword("false"))
        {
            return false;
        }

        if (token.Kind == SoqlTokenKind.Literal)
        {
            if (token.Text.Contains('T', StringComparison.Ordinal)
                && DateTimeOffset.TryParseExact(token.Text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dateTime))
            {
                return dateTime;
            }

            if (decimal.TryParse(token.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            if (DateTimeOffset.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                return date;
            }
        }

        throw new SoqlException($"'{token.Text}' is not a valid literal at {token.Position}");
    }

    public static int Compare(object actual, object expected)
    {
        switch (actual)
        {
            case DateTimeOffset a when expected is DateTimeOffset e:
                return a.CompareTo(e);
            case string a when expected is string e:
                return string.CompareOrdinal(a, e);
            case bool a when expected is bool e:
                return a.CompareTo(e);
            default:
                if (IsNumber(actual) && IsNumber(expected))
                {
                    return Convert.ToDecimal(actual, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(expected, CultureInfo.InvariantCulture));
                }

                throw new SoqlException("INVALID_QUERY_FILTER_OPERATOR", $"cannot compare {actual.GetType().Name} with {expected.GetType().Name}");
        }
    }

    private static bool IsNumber(object value) => value is int or long or decimal or double;
}
