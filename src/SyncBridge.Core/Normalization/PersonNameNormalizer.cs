namespace SyncBridge.Core.Normalization;

/// <summary>
/// Name rules of the normalize contract. Each field is cleaned (NFKC so half-width katakana become
/// full-width, trimmed, whitespace runs including U+3000 collapsed to one space; case kept). Separate first
/// and last names win; otherwise the full name is split: "Family, Given" with a comma; family-first when it
/// holds Han, Hiragana or Katakana; else the last token is the family name.
/// </summary>
internal static class PersonNameNormalizer
{
    public static PersonName Normalize(string? firstName, string? lastName, string? fullName)
    {
        var given = NormalizedText.Clean(firstName);
        var family = NormalizedText.Clean(lastName);
        if (given.Length > 0 || family.Length > 0)
        {
            return new PersonName(family, given);
        }

        return Split(NormalizedText.Clean(fullName));
    }

    /// <summary>Splits a cleaned full name (single spaces, trimmed) into family and given names.</summary>
    internal static PersonName Split(string fullName)
    {
        if (fullName.Length == 0)
        {
            return PersonName.Empty;
        }

        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            return new PersonName(fullName.AsSpan(0, comma).Trim().ToString(), fullName.AsSpan(comma + 1).Trim().ToString());
        }

        if (IsJapanese(fullName))
        {
            var firstSpace = fullName.IndexOf(' ', StringComparison.Ordinal);
            return firstSpace < 0
                ? new PersonName(fullName, string.Empty)
                : new PersonName(fullName[..firstSpace], fullName[(firstSpace + 1)..]);
        }

        var lastSpace = fullName.LastIndexOf(' ');
        return lastSpace < 0
            ? new PersonName(fullName, string.Empty)
            : new PersonName(fullName[(lastSpace + 1)..], fullName[..lastSpace]);
    }

    /// <summary>True when the text holds a Han, Hiragana or Katakana character.</summary>
    internal static bool IsJapanese(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c < '\u3005')
            {
                continue;
            }

            if (c is '\u3005' or '\u3006' or '\u3007' // 々 〆 〇
                || (c >= '\u3041' && c <= '\u30ff')   // Hiragana, Katakana (incl. ー and ・)
                || (c >= '\u31f0' && c <= '\u31ff')   // Katakana phonetic extensions
                || (c >= '\u3400' && c <= '\u4dbf')   // CJK extension A
                || (c >= '\u4e00' && c <= '\u9fff')   // CJK unified ideographs
                || (c >= '\uf900' && c <= '\ufaff')   // CJK compatibility ideographs
                || (c >= '\ud840' && c <= '\ud87f'))  // high surrogates of CJK extensions B–H
            {
                return true;
            }
        }

        return false;
    }
}
