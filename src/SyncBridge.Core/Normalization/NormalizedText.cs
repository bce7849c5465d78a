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
        if (Ascii.IsValid(value))
        {
            return value;
        }

        return value.IsNormalized(NormalizationForm.FormKC) ? value : value.Normalize(NormalizationForm.FormKC);
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
