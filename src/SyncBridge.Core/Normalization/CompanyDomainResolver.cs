using System.Collections.Frozen;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// The company's domain: the website's host when it has one, else the domain of a valid email address that
/// is not free mail or a mobile carrier. Safe to share across threads.
/// </summary>
internal sealed class CompanyDomainResolver
{
    /// <summary>Email domains that say nothing about the company: free mail and Japanese mobile carriers.</summary>
    public static readonly IReadOnlyList<string> BuiltInFreeMailDomains =
    [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp", "ymail.com", "outlook.com", "outlook.jp",
        "hotmail.com", "hotmail.co.jp", "live.com", "live.jp", "msn.com", "icloud.com", "me.com", "mac.com",
        "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "mail.com", "qq.com", "163.com",
        "naver.com", "nifty.com", "biglobe.ne.jp", "ocn.ne.jp", "docomo.ne.jp", "ezweb.ne.jp", "au.com",
        "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp", "disney.ne.jp",
    ];

    private const string WwwPrefix = "www.";

    private readonly FrozenSet<string> _freeMailDomains;

    /// <param name="additionalFreeMailDomains">Domains added to <see cref="BuiltInFreeMailDomains"/>.</param>
    public CompanyDomainResolver(IEnumerable<string> additionalFreeMailDomains)
    {
        ArgumentNullException.ThrowIfNull(additionalFreeMailDomains);
        _freeMailDomains = BuiltInFreeMailDomains
            .Concat(additionalFreeMailDomains.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim().ToLowerInvariant()))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public static CompanyDomainResolver Default { get; } = new([]);

    public bool IsFreeMail(string domain) => _freeMailDomains.Contains(domain);

    /// <summary>The company domain from the website, else from a valid non-free-mail email; empty when neither gives one.</summary>
    public string Resolve(string? website, EmailAddress email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var host = HostOf(website);
        if (host.Length > 0)
        {
            return host;
        }

        if (!email.IsValid)
        {
            return string.Empty;
        }

        var domain = email.Domain;
        return _freeMailDomains.Contains(domain) ? string.Empty : domain;
    }

    /// <summary>
    /// The host of a website value (NFKC, lower case, without scheme, userinfo, port, path, query, fragment,
    /// trailing dot and one leading <c>www.</c>); empty unless it holds a dot and no whitespace.
    /// </summary>
    internal static string HostOf(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return string.Empty;
        }

        var span = NormalizedText.Nfkc(website).AsSpan().Trim();

        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && IsSchemeName(span[..scheme]))
        {
            span = span[(scheme + 3)..];
        }
        else if (span.StartsWith("//", StringComparison.Ordinal))
        {
            span = span[2..];
        }

        var authorityEnd = span.IndexOfAny('/', '?', '#');
        if (authorityEnd >= 0)
        {
            span = span[..authorityEnd];
        }

        var userInfo = span.LastIndexOf('@');
        if (userInfo >= 0)
        {
            span = span[(userInfo + 1)..];
        }

        var port = span.IndexOf(':');
        if (port >= 0)
        {
            span = span[..port];
        }

        span = span.TrimEnd('.');
        if (span.Length > WwwPrefix.Length && span.StartsWith(WwwPrefix, StringComparison.OrdinalIgnoreCase))
        {
            span = span[WwwPrefix.Length..];
        }

        if (span.IsEmpty || !span.Contains('.') || HasWhiteSpace(span))
        {
            return string.Empty;
        }

        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        NormalizedText.LowerInvariant(span, buffer);
        return new string(buffer);
    }

    private static bool HasWhiteSpace(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSchemeName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
