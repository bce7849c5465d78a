using System.Collections.Frozen;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Country rules of the normalize contract: ISO 3166-1 alpha-2 and alpha-3 codes, English short names, common
/// aliases and Japanese names (after NFKC, trimmed, whitespace collapsed, case-insensitive) → alpha-2 in upper
/// case; unknown → empty.
/// </summary>
internal static class CountryNormalizer
{
    private static readonly FrozenDictionary<string, string> ByName = Build();

    /// <summary>Every ISO 3166-1 alpha-2 code the table knows.</summary>
    public static IReadOnlySet<string> Alpha2Codes { get; } = ByName.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The alpha-2 code for a country name or code, or empty when unknown.</summary>
    public static string ToAlpha2(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        return ByName.TryGetValue(NormalizedText.Clean(value), out var code) ? code : string.Empty;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in IsoCountries.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('|');
            if (fields.Length != 4 || fields[0].Length != 2 || fields[1].Length != 3)
            {
                throw new InvalidOperationException($"Malformed ISO country line: '{line}'.");
            }

            var alpha2 = fields[0];
            Add(names, alpha2, alpha2);
            Add(names, fields[1], alpha2);
            Add(names, fields[2], alpha2);
            foreach (var alias in fields[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(names, alias, alpha2);
            }
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, string> names, string name, string alpha2)
    {
        var key = NormalizedText.Clean(name);
        if (names.TryGetValue(key, out var existing) && !string.Equals(existing, alpha2, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Country name '{name}' is given to both {existing} and {alpha2}.");
        }

        names[key] = alpha2;
    }
}
