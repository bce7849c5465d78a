using System.Globalization;

namespace SyncBridge.Connectors.Salesforce.Http;

/// <summary>Parses <c>Sforce-Limit-Info: api-usage=18/5000</c> (other entries in the header are ignored).</summary>
internal static class SalesforceLimitInfo
{
    public const string HeaderName = "Sforce-Limit-Info";

    public static bool TryParse(string? header, out long used, out long limit)
    {
        used = -1;
        limit = -1;
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith("api-usage=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = part["api-usage=".Length..];
            var slash = value.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0
                && long.TryParse(value.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out used)
                && long.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                return true;
            }
        }

        used = -1;
        limit = -1;
        return false;
    }
}
