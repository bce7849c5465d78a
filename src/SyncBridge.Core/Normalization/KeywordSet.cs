using System.Buffers;
using System.Text;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// A set of lower-case keywords looked for in lower-case NFKC text. ASCII keywords match only as whole words:
/// the characters either side must not be Latin letters or digits (so <c>vp</c> is not found in <c>mvp</c>,
/// while <c>it</c> is found in <c>it部</c>). Other keywords (Japanese) match anywhere as substrings.
/// One vectorized multi-string search per call; safe to share across threads.
/// </summary>
internal sealed class KeywordSet
{
    private readonly string[] _keywords;
    private readonly bool[] _wholeWord;
    private readonly SearchValues<string> _search;

    public KeywordSet(params string[] keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        if (keywords.Length == 0 || keywords.Any(k => string.IsNullOrWhiteSpace(k) || !string.Equals(k, k.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            throw new ArgumentException("Keywords must be non-blank and lower case.", nameof(keywords));
        }

        _keywords = [.. keywords.Distinct(StringComparer.Ordinal).OrderByDescending(k => k.Length)];
        _wholeWord = [.. _keywords.Select(k => Ascii.IsValid(k))];
        _search = SearchValues.Create(_keywords, StringComparison.Ordinal);
    }

    public IReadOnlyList<string> Keywords => _keywords;

    /// <summary>True when one of the keywords occurs in <paramref name="loweredText"/> (lower-case NFKC).</summary>
    public bool IsFoundIn(ReadOnlySpan<char> loweredText)
    {
        var offset = 0;
        while (offset < loweredText.Length)
        {
            var found = loweredText[offset..].IndexOfAny(_search);
            if (found < 0)
            {
                return false;
            }

            var position = offset + found;
            var rest = loweredText[position..];
            for (var k = 0; k < _keywords.Length; k++)
            {
                var keyword = _keywords[k];
                if (rest.StartsWith(keyword, StringComparison.Ordinal)
                    && (!_wholeWord[k] || IsWholeWord(loweredText, position, keyword.Length)))
                {
                    return true;
                }
            }

            offset = position + 1;
        }

        return false;
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
