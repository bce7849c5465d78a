using System.Buffers;
using System.Collections.Frozen;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Email rules of the normalize contract: NFKC, <c>mailto:</c> and display-name forms stripped, lower case,
/// a syntax check, and a match key without +tags (and without local-part dots on dot-insensitive domains).
/// Stateless after construction; safe to share across threads.
/// </summary>
internal sealed class EmailNormalizer
{
    private const int MaxAddressLength = 254;
    private const int MaxLocalLength = 64;
    private const int MaxLabelLength = 63;
    private const string MailtoPrefix = "mailto:";
    private const string GoogleMailDomain = "googlemail.com";
    private const string GmailDomain = "gmail.com";

    private static readonly SearchValues<char> LocalPartChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~.-");

    private static readonly SearchValues<char> DomainChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    private readonly FrozenSet<string> _dotInsensitiveDomains;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _dotInsensitiveLookup;

    public EmailNormalizer(IEnumerable<string> dotInsensitiveDomains)
    {
        ArgumentNullException.ThrowIfNull(dotInsensitiveDomains);
        _dotInsensitiveDomains = dotInsensitiveDomains
            .Where(d => !string.IsNullOrWhiteSpace(d))
            .Select(d => d.Trim().ToLowerInvariant())
            .ToFrozenSet(StringComparer.Ordinal);
        _dotInsensitiveLookup = _dotInsensitiveDomains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>With the contract's default: dots are insignificant on gmail.com and googlemail.com.</summary>
    public static EmailNormalizer Default { get; } = new([GmailDomain, GoogleMailDomain]);

    public EmailAddress Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return raw is null || raw.Length == 0
                ? EmailAddress.Empty
                : EmailAddress.Empty with { Original = raw };
        }

        var normalized = NormalizeText(raw);
        if (normalized.Length == 0)
        {
            return new EmailAddress(raw, string.Empty, false, string.Empty);
        }

        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        var valid = IsValid(normalized, at);
        var matchKey = valid ? MatchKeyOf(normalized, at) : string.Empty;
        return new EmailAddress(raw, normalized, valid, matchKey);
    }

    /// <summary>Steps 1–4 of the contract: the stored, lower-case address (valid or not).</summary>
    private static string NormalizeText(string raw)
    {
        var folded = NormalizedText.Nfkc(raw.Trim());

        // NFKC turns the half-width ideographic full stop into U+3002; both count as a dot.
        if (folded.Contains('\u3002', StringComparison.Ordinal))
        {
            folded = folded.Replace('\u3002', '.');
        }

        var span = folded.AsSpan().Trim();
        if (span.StartsWith(MailtoPrefix, StringComparison.OrdinalIgnoreCase))
        {
            span = span[MailtoPrefix.Length..];
            var query = span.IndexOf('?');
            if (query >= 0)
            {
                span = span[..query];
            }
        }

        var close = span.LastIndexOf('>');
        if (close > 0)
        {
            var open = span[..close].LastIndexOf('<');
            if (open >= 0)
            {
                span = span[(open + 1)..close];
            }
        }

        span = span.Trim();
        if (span.Length >= 2 && (span[0] is '"' or '\'') && span[^1] == span[0])
        {
            span = span[1..^1];
        }

        if (span.IsEmpty)
        {
            return string.Empty;
        }

        if (span.Length == folded.Length && !HasUpper(span))
        {
            return folded;
        }

        return LowerCopy(span);
    }

    private static bool HasUpper(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c <= '\u007f' ? char.IsAsciiLetterUpper(c) : char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string LowerCopy(ReadOnlySpan<char> span)
    {
        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        NormalizedText.LowerInvariant(span, buffer);
        return new string(buffer);
    }

    private static bool IsValid(string address, int at)
    {
        if (at <= 0 || address.Length > MaxAddressLength || address.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        var local = address.AsSpan(0, at);
        if (local.Length > MaxLocalLength
            || local.ContainsAnyExcept(LocalPartChars)
            || local[0] == '.'
            || local[^1] == '.'
            || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return IsValidDomain(address.AsSpan(at + 1));
    }

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        if (domain.IsEmpty || domain.ContainsAnyExcept(DomainChars))
        {
            return false;
        }

        var labels = 0;
        var lastLabel = ReadOnlySpan<char>.Empty;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            labels++;
            lastLabel = label;
        }

        return labels >= 2 && lastLabel.Length >= 2 && !lastLabel.ContainsAnyExceptInRange('a', 'z');
    }

    /// <summary>Step 6: the local part cut at the first '+', dots dropped on dot-insensitive domains.</summary>
    private string MatchKeyOf(string address, int at)
    {
        var local = address.AsSpan(0, at);
        var domain = address.AsSpan(at + 1);
        var plus = local.IndexOf('+');
        if (plus >= 0)
        {
            local = local[..plus];
        }

        var dotInsensitive = _dotInsensitiveDomains.Count > 0 && _dotInsensitiveLookup.Contains(domain);
        var isGoogleMail = domain.SequenceEqual(GoogleMailDomain);

        if (plus < 0 && !isGoogleMail && !(dotInsensitive && local.Contains('.')))
        {
            return address;
        }

        Span<char> buffer = stackalloc char[MaxAddressLength];
        var written = 0;
        foreach (var c in local)
        {
            if (c != '.' || !dotInsensitive)
            {
                buffer[written++] = c;
            }
        }

        buffer[written++] = '@';
        var outDomain = isGoogleMail ? GmailDomain.AsSpan() : domain;
        outDomain.CopyTo(buffer[written..]);
        written += outDomain.Length;
        return new string(buffer[..written]);
    }
}
