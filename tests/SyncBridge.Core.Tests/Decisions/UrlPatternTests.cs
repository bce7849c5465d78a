using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class UrlPatternTests
{
    [Theory]
    [InlineData("/pricing*", "https://example.co.jp/pricing", true)]
    [InlineData("/pricing*", "https://example.co.jp/pricing/enterprise?utm=x", true)]
    [InlineData("/pricing*", "/PRICING", true)]
    [InlineData("/pricing*", "https://example.co.jp/blog/pricing-tips", false)]
    [InlineData("/blog/*", "/blog/2026/11/post", true)]
    [InlineData("/blog/*", "/blog", false)]
    [InlineData("*/case-studies/*", "https://example.co.jp/ja/case-studies/acme", true)]
    [InlineData("/docs/*/api", "/docs/v2/api", true)]
    [InlineData("/docs/*/api", "/docs/v2/api/x", false)]
    [InlineData("/contact", "https://example.co.jp/contact#form", true)]
    [InlineData("/contact", "/contact-us", false)]
    [InlineData("/", "https://example.co.jp", true)]
    [InlineData("/careers*", "example.co.jp/careers/engineer", true)]
    public void IsMatch_PatternAndUrl_MatchesPathOnly(string pattern, string url, bool expected) =>
        Assert.Equal(expected, UrlPattern.Compile(pattern).IsMatch(url));

    [Theory]
    [InlineData("")]
    [InlineData("pricing*")]
    [InlineData("https://example.co.jp/pricing")]
    public void Compile_PatternNotStartingWithSlashOrStar_Throws(string pattern)
    {
        Assert.False(UrlPattern.IsValid(pattern));
        Assert.Throws<ArgumentException>(() => UrlPattern.Compile(pattern));
    }
}
