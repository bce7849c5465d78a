using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Ordered categories, each with lower-case keywords, looked for in lower-case NFKC text: the first category
/// (in the given order) with a keyword in the text wins. ASCII keywords match only as whole words — the
/// characters either side must not be Latin letters or digits (so <c>vp</c> is not found in <c>mvp</c>,
/// while <c>it</c> is found in <c>it部</c>); other keywords (Japanese) match anywhere as substrings.
/// One vectorized multi-string scan per call; immutable and safe to share across threads.
/// </summary>
internal sealed class KeywordClassifier<TCategory>
    where TCategory : struct, Enum
{
    private readonly TCategory[] _categories;
    private readonly SearchValues<string> _asciiSearch;
    private readonly SearchValues<string> _otherSearch;
    private readonly bool _hasOther;

    /// <summary>Per first character: the keywords starting with it, as (keyword, category rank, whole word), longest first.</summary>
    private readonly FrozenDictionary<char, (string Keyword, int Rank, bool WholeWord)[]> _byFirstChar;

    public KeywordClassifier(IReadOnlyList<(TCategory Category, string[] Keywords)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var entries = new List<(string Keyword, int Rank, bool WholeWord)>();
        for (var rank = 0; rank < rules.Count; rank++)
        {
            foreach (var keyword in rules[rank].Keywords)
            {
                if (string.IsNullOrWhiteSpace(keyword) || !string.Equals(keyword, keyword.ToLowerInvariant(), StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Keyword '{keyword}' must be non-blank and lower case.", nameof(rules));
                }

                entries.Add((keyword, rank, Ascii.IsValid(keyword)));
            }
        }

        if (entries.Count == 0)
        {
            throw new ArgumentException("At least one keyword is needed.", nameof(rules));
        }

        _categories = [.. rules.Select(r => r.Category)];
        // ASCII keywords and the others are searched apart: pure-ASCII text (most English titles) then needs
        // one vectorized scan, and the ASCII scan stays on the fast path.
        _asciiSearch = SearchValues.Create([.. entries.Where(e => e.WholeWord).Select(e => e.Keyword).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);
        _otherSearch = SearchValues.Create([.. entries.Where(e => !e.WholeWord).Select(e => e.Keyword).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);
        _hasOther = entries.Any(e => !e.WholeWord);
        _byFirstChar = entries
            .GroupBy(e => e.Keyword[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(e => e.Rank).ThenByDescending(e => e.Keyword.Length).ToArray());
    }

    /// <summary>The first category with a keyword in <paramref name="loweredText"/>; false when none matches.</summary>
    public bool TryClassify(ReadOnlySpan<char> loweredText, out TCategory category)
    {
        var best = Scan(loweredText, _asciiSearch, int.MaxValue);
        if (_hasOther && best > 0 && !Ascii.IsValid(loweredText))
        {
            best = Scan(loweredText, _otherSearch, best);
        }

        category = best == int.MaxValue ? default : _categories[best];
        return best != int.MaxValue;
    }

    /// <summary>The best (lowest) rank found with <paramref name="search"/>, starting from <paramref name="best"/>.</summary>
    private int Scan(ReadOnlySpan<char> text, SearchValues<string> search, int best)
    {
        var offset = 0;
        while (offset < text.Length && best > 0)
        {
            var found = text[offset..].IndexOfAny(search);
            if (found < 0)
            {
                break;
            }

            var position = offset + found;
            var rest = text[position..];
            foreach (var (keyword, rank, wholeWord) in _byFirstChar[rest[0]])
            {
                if (rank >= best)
                {
                    break;
                }

                if (rest.StartsWith(keyword, StringComparison.Ordinal)
                    && (!wholeWord || IsWholeWord(text, position, keyword.Length)))
                {
                    best = rank;
                    break;
                }
            }

            offset = position + 1;
        }

        return best;
    }

    private static bool IsWholeWord(ReadOnlySpan<char> text, int start, int length)
    {
        var end = start + length;
        return (start == 0 || !IsLatinWordChar(text[start - 1]))
            && (end == text.Length || !IsLatinWordChar(text[end]));
    }

    /// <summary>ASCII letters and digits, and the accented Latin letters of Latin-1 and Latin Extended-A/B.</summary>
    private static bool IsLatinWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || (c >= '\u00c0' && c <= '\u024f' && c is not '\u00d7' and not '\u00f7');
}
