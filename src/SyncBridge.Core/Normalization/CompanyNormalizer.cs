namespace SyncBridge.Core.Normalization;

/// <summary>
/// Company name rules of the normalize contract: a display name (NFKC, trimmed, whitespace collapsed) and a
/// matching key that ignores case, punctuation and legal forms before or after the name
/// (株式会社サンプル, サンプル(株), ㈱サンプル → サンプル; "Acme, Inc." → acme; "Blue Sky Co., Ltd." → bluesky).
/// </summary>
internal static class CompanyNormalizer
{
    /// <summary>Japanese legal forms: removed as written, wherever the name starts or ends (no word boundary needed).</summary>
    private static readonly string[] JapaneseForms =
    [
        "一般社団法人", "一般財団法人", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)",
    ];

    /// <summary>
    /// Latin legal forms as the contract lists them, each turned into its sequence of words (letters/digits
    /// separated by anything else), so "Co., Ltd." and "K.K." match however they are punctuated but "Corpus"
    /// never loses "corp". Longer sequences first.
    /// </summary>
    private static readonly string[][] LatinForms =
    [
        .. new[]
        {
            "inc.", "inc", "incorporated", "corporation", "corp.", "corp", "co.", "co", "ltd.", "ltd", "limited",
            "llc", "l.l.c.", "gmbh", "ag", "k.k.", "kk", "plc", "s.a.", "sa", "pte. ltd.", "pty ltd",
        }
        .Select(form => form.Split(['.', ' '], StringSplitOptions.RemoveEmptyEntries))
        .DistinctBy(words => string.Join(' ', words), StringComparer.Ordinal)
        .OrderByDescending(words => words.Length),
    ];

    /// <summary>The name for display: NFKC, trimmed, whitespace runs collapsed to one space.</summary>
    public static string DisplayName(string? name) => NormalizedText.Clean(name);

    /// <summary>The matching key: NFKC, lower case, legal forms at either end removed, only letters and digits kept.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var folded = NormalizedText.Nfkc(name);
        Span<char> buffer = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var length = NormalizedText.LowerInvariant(folded, buffer);
        ReadOnlySpan<char> text = buffer[..length];

        var changed = true;
        while (changed)
        {
            text = TrimSeparators(text);
            changed = !text.IsEmpty && (TryRemoveJapaneseForm(ref text) || TryRemoveLatinForm(ref text));
        }

        return LettersAndDigits(text);
    }

    /// <summary>Removes one Japanese legal form from the start or the end; true when it did.</summary>
    private static bool TryRemoveJapaneseForm(ref ReadOnlySpan<char> text)
    {
        // Every Japanese form starts with one of these and ends with one of those: skip the loop otherwise.
        var mayStart = text[0] is '一' or '株' or '有' or '合' or '(';
        var mayEnd = text[^1] is '人' or '社' or ')';
        if (!mayStart && !mayEnd)
        {
            return false;
        }

        foreach (var form in JapaneseForms)
        {
            if (mayStart && text.StartsWith(form, StringComparison.Ordinal))
            {
                text = text[form.Length..];
                return true;
            }

            if (mayEnd && text.EndsWith(form, StringComparison.Ordinal))
            {
                text = text[..^form.Length];
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Trims whitespace and punctuation at both ends, but never the parentheses that belong to (株)/(有).
    /// </summary>
    private static ReadOnlySpan<char> TrimSeparators(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && IsTrimmable(text, start, atStart: true))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && IsTrimmable(text, end - 1, atStart: false))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsTrimmable(ReadOnlySpan<char> text, int index, bool atStart)
    {
        var c = text[index];
        if (c == '(' && atStart && StartsWithJapaneseForm(text[index..]))
        {
            return false;
        }

        if (c == ')' && !atStart && EndsWithJapaneseForm(text[..(index + 1)]))
        {
            return false;
        }

        return !NormalizedText.IsLetterOrDigitAt(text, index) && !char.IsSurrogate(c);
    }

    private static bool StartsWithJapaneseForm(ReadOnlySpan<char> text) =>
        text.StartsWith("(株)", StringComparison.Ordinal) || text.StartsWith("(有)", StringComparison.Ordinal);

    private static bool EndsWithJapaneseForm(ReadOnlySpan<char> text) =>
        text.EndsWith("(株)", StringComparison.Ordinal) || text.EndsWith("(有)", StringComparison.Ordinal);

    /// <summary>Removes one Latin legal form (as whole words) from the start or the end; true when it did.</summary>
    private static bool TryRemoveLatinForm(ref ReadOnlySpan<char> text)
    {
        // Every Latin form starts and ends with an ASCII letter.
        var mayStart = char.IsAsciiLetter(text[0]);
        var mayEnd = char.IsAsciiLetter(text[^1]);
        if (!mayStart && !mayEnd)
        {
            return false;
        }

        foreach (var words in LatinForms)
        {
            var end = mayStart ? MatchWordsAtStart(text, words) : 0;
            if (end > 0)
            {
                text = text[end..];
                return true;
            }

            var start = mayEnd ? MatchWordsAtEnd(text, words) : -1;
            if (start >= 0)
            {
                text = text[..start];
                return true;
            }
        }

        return false;
    }

    /// <summary>The index just after <paramref name="words"/> when the text starts with them as whole words, else 0.</summary>
    private static int MatchWordsAtStart(ReadOnlySpan<char> text, string[] words)
    {
        var position = 0;
        foreach (var word in words)
        {
            while (position < text.Length && IsSeparator(text, position))
            {
                position++;
            }

            if (!text[position..].StartsWith(word, StringComparison.Ordinal))
            {
                return 0;
            }

            position += word.Length;
            if (position < text.Length && !IsSeparator(text, position))
            {
                return 0;
            }
        }

        return position;
    }

    /// <summary>The index where <paramref name="words"/> start when the text ends with them as whole words, else -1.</summary>
    private static int MatchWordsAtEnd(ReadOnlySpan<char> text, string[] words)
    {
        var position = text.Length;
        for (var w = words.Length - 1; w >= 0; w--)
        {
            var word = words[w];
            while (position > 0 && IsSeparator(text, position - 1))
            {
                position--;
            }

            if (!text[..position].EndsWith(word, StringComparison.Ordinal))
            {
                return -1;
            }

            position -= word.Length;
            if (position > 0 && !IsSeparator(text, position - 1))
            {
                return -1;
            }
        }

        return position;
    }

    private static bool IsSeparator(ReadOnlySpan<char> text, int index) =>
        !char.IsSurrogate(text[index]) && !NormalizedText.IsLetterOrDigitAt(text, index);

    private static string LettersAndDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && NormalizedText.IsLetterOrDigitAt(text, i))
                {
                    buffer[written++] = c;
                    buffer[written++] = text[i + 1];
                }

                i++;
                continue;
            }

            if (!char.IsSurrogate(c) && NormalizedText.IsLetterOrDigitAt(text, i))
            {
                buffer[written++] = c;
            }
        }

        return new string(buffer[..written]);
    }
}
