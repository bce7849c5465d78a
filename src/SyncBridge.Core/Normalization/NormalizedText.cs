using System.Text;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// The text folding every rule starts from: Unicode NFKC (full-width ASCII and half-width katakana become
/// their ordinary forms), trimming and whitespace collapsing. ASCII input is returned as is without touching
/// the normalizer, and a value that needs no change is returned as the same instance (no allocation).
/// </summary>
internal static class NormalizedText
{
    /// <summary>NFKC of <paramref name="value"/>; the same instance when it is ASCII or already NFKC.</summary>
    public static string Nfkc(string value)
    {
        if (Ascii.IsValid(value) || IsNfkcStable(value))
        {
            return value;
        }

        return value.IsNormalized(NormalizationForm.FormKC) ? value : value.Normalize(NormalizationForm.FormKC);
    }

    /// <summary>
    /// True when every character is one NFKC leaves alone and that never composes with a neighbour: ASCII,
    /// the common Japanese punctuation, full-width Hiragana and Katakana (without the combining sound marks),
    /// and CJK unified ideographs. Spares the ICU call for most Japanese text.
    /// </summary>
    private static bool IsNfkcStable(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            var stable = c <= '\u007f'
                || c is '\u3001' or '\u3002' or '\u3005' or '\u3006' or '\u3007'
                || (c >= '\u300c' && c <= '\u300f')
                || (c >= '\u3041' && c <= '\u3096')
                || c is '\u309d' or '\u309e'
                || (c >= '\u30a1' && c <= '\u30fe')
                || (c >= '\u3400' && c <= '\u4dbf')
                || (c >= '\u4e00' && c <= '\u9fff');
            if (!stable)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Invariant lower case of <paramref name="source"/> into <paramref name="destination"/> (same length);
    /// returns the length written. ASCII and caseless CJK, kana and Hangul are handled without ICU.
    /// </summary>
    public static int LowerInvariant(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c <= '\u007f')
            {
                destination[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            else if ((c >= '\u3000' && c <= '\u9fff') || (c >= '\uac00' && c <= '\ud7af'))
            {
                destination[i] = c;
            }
            else if (char.IsSurrogate(c))
            {
                // Cased supplementary letters (Deseret, Osage, …) need the full casing tables.
                return source.ToLowerInvariant(destination);
            }
            else
            {
                destination[i] = char.ToLowerInvariant(c);
            }
        }

        return source.Length;
    }

    /// <summary>
    /// NFKC, trim, and every whitespace run (spaces, U+3000, tabs, newlines, …) collapsed to one ASCII space.
    /// Case is kept.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var folded = Nfkc(value);
        return NeedsCollapsing(folded) ? Collapse(folded) : folded;
    }

    /// <summary>True when <paramref name="value"/> starts or ends with whitespace, or holds a run that is not one ASCII space.</summary>
    private static bool NeedsCollapsing(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return true;
        }

        var previousWasSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (previousWasSpace)
                {
                    return true;
                }

                previousWasSpace = true;
            }
            else if (c <= '\u007f' ? c is '\t' or '\n' or '\v' or '\f' or '\r' : char.IsWhiteSpace(c))
            {
                return true;
            }
            else
            {
                previousWasSpace = false;
            }
        }

        return false;
    }

    private static string Collapse(string value)
    {
        var span = value.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return string.Empty;
        }

        return string.Create(CollapsedLength(span), value, static (destination, source) =>
        {
            var written = 0;
            var pendingSpace = false;
            foreach (var c in source.AsSpan().Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }

                if (pendingSpace)
                {
                    destination[written++] = ' ';
                    pendingSpace = false;
                }

                destination[written++] = c;
            }
        });
    }

    private static int CollapsedLength(ReadOnlySpan<char> trimmed)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                length++;
                pendingSpace = false;
            }

            length++;
        }

        return length;
    }

    /// <summary>True for a letter or digit of any script; <paramref name="index"/> may point at a surrogate pair.</summary>
    public static bool IsLetterOrDigitAt(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (c <= '\u007f')
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsSurrogate(c))
        {
            return Rune.DecodeFromUtf16(text[index..], out var rune, out _) == System.Buffers.OperationStatus.Done
                && Rune.IsLetterOrDigit(rune);
        }

        return char.IsLetterOrDigit(c);
    }
}
