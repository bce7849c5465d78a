namespace SyncBridge.Core.Decisions;

/// <summary>
/// A URL path pattern compiled once: <c>*</c> matches any run of characters (including '/'), everything else
/// matches literally, ignoring case. Matching allocates nothing.
/// </summary>
internal sealed class UrlPattern
{
    private readonly string[] _parts;
    private readonly bool _hasWildcard;

    private UrlPattern(string text)
    {
        Text = text;
        _parts = text.Split('*');
        _hasWildcard = _parts.Length > 1;
    }

    public string Text { get; }

    /// <summary>Whether <paramref name="pattern"/> can be compiled: it starts with '/' or '*' and is not blank.</summary>
    public static bool IsValid(string? pattern) =>
        !string.IsNullOrWhiteSpace(pattern) && (pattern[0] == '/' || pattern[0] == '*');

    public static UrlPattern Compile(string pattern)
    {
        if (!IsValid(pattern))
        {
            throw new ArgumentException("A URL pattern starts with '/' or '*', e.g. /pricing* or */blog/*.", nameof(pattern));
        }

        return new UrlPattern(pattern.Trim());
    }

    /// <summary>Whether the path of <paramref name="urlOrPath"/> (scheme, host, query and fragment ignored) matches.</summary>
    public bool IsMatch(string urlOrPath) => IsMatchPath(PathOf(urlOrPath));

    public bool IsMatchPath(ReadOnlySpan<char> path)
    {
        if (!_hasWildcard)
        {
            return path.Equals(_parts[0], StringComparison.OrdinalIgnoreCase);
        }

        var first = _parts[0];
        var last = _parts[^1];
        if (path.Length < first.Length + last.Length
            || !path.StartsWith(first, StringComparison.OrdinalIgnoreCase)
            || !path.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var middle = path[first.Length..(path.Length - last.Length)];
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var part = _parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            var at = middle.IndexOf(part, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            middle = middle[(at + part.Length)..];
        }

        return true;
    }

    /// <summary>The path of a URL or of a bare path: from the first '/' after the host, without query or fragment.</summary>
    public static ReadOnlySpan<char> PathOf(string urlOrPath)
    {
        var span = urlOrPath.AsSpan().Trim();
        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            span = span[(scheme + 3)..];
            var slash = span.IndexOf('/');
            span = slash < 0 ? "/" : span[slash..];
        }
        else if (span.Length > 0 && span[0] != '/')
        {
            var slash = span.IndexOf('/');
            span = slash < 0 ? "/" : span[slash..];
        }

        var end = span.IndexOfAny('?', '#');
        return end < 0 ? span : span[..end];
    }
}
