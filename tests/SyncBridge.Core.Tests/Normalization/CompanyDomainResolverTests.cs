using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class CompanyDomainResolverTests
{
    [Theory]
    [InlineData("https://www.example.co.jp/about", "example.co.jp")]
    [InlineData("http://example.com", "example.com")]
    [InlineData("https://example.com/", "example.com")]
    [InlineData("//cdn.example.com/x", "cdn.example.com")]
    [InlineData("www.example.com", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("WWW.Example.COM", "example.com")]
    [InlineData("HTTPS://WWW.EXAMPLE.COM", "example.com")]
    [InlineData("example.com/path/page.html?q=1#frag", "example.com")]
    [InlineData("https://example.com?x=1", "example.com")]
    [InlineData("https://example.com#top", "example.com")]
    [InlineData("https://user:pass@www.example.com:8443/x", "example.com")]
    [InlineData("http://example.com:8080", "example.com")]
    [InlineData("https://example.com.", "example.com")]
    [InlineData("https://www.example.com./", "example.com")]
    [InlineData("  https://example.com  ", "example.com")]
    [InlineData("ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｊｐ／", "example.jp")]
    [InlineData("www.www.example.com", "www.example.com")]
    [InlineData("https://www2.example.com", "www2.example.com")]
    [InlineData("https://shop.example.co.uk/products", "shop.example.co.uk")]
    [InlineData("ftp://files.example.org", "files.example.org")]
    [InlineData("サンプル.jp", "サンプル.jp")]
    public void HostOf_Website_ReturnsBareHost(string website, string expected) =>
        Assert.Equal(expected, CompanyDomainResolver.HostOf(website));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("example")]
    [InlineData("n/a")]
    [InlineData("なし")]
    [InlineData("localhost:8080")]
    [InlineData("https://")]
    [InlineData("www.")]
    [InlineData("www.example")]
    [InlineData("Acme Inc. Japan")]
    [InlineData("http://exa mple.com")]
    public void HostOf_NoHostWithDot_ReturnsEmpty(string? website) =>
        Assert.Equal(string.Empty, CompanyDomainResolver.HostOf(website));

    [Theory]
    // the website wins
    [InlineData("https://www.acme.co.jp/", "taro@other.example.jp", "acme.co.jp")]
    [InlineData("acme.com", "taro@gmail.com", "acme.com")]
    [InlineData("acme.com", "", "acme.com")]
    // else the email's domain, as is
    [InlineData("", "taro@acme.co.jp", "acme.co.jp")]
    [InlineData("", "Taro Yamada <Taro@ACME.co.jp>", "acme.co.jp")]
    [InlineData("", "taro@mail.acme.co.jp", "mail.acme.co.jp")]
    [InlineData("n/a", "taro@acme.co.jp", "acme.co.jp")]
    [InlineData("example", "taro@acme.co.jp", "acme.co.jp")]
    // but not free mail or a mobile carrier
    [InlineData("", "taro@gmail.com", "")]
    [InlineData("", "taro@googlemail.com", "")]
    [InlineData("", "taro@yahoo.co.jp", "")]
    [InlineData("", "taro@yahoo.com", "")]
    [InlineData("", "taro@outlook.com", "")]
    [InlineData("", "taro@outlook.jp", "")]
    [InlineData("", "taro@hotmail.com", "")]
    [InlineData("", "taro@hotmail.co.jp", "")]
    [InlineData("", "taro@icloud.com", "")]
    [InlineData("", "taro@me.com", "")]
    [InlineData("", "taro@docomo.ne.jp", "")]
    [InlineData("", "taro@ezweb.ne.jp", "")]
    [InlineData("", "taro@au.com", "")]
    [InlineData("", "taro@softbank.ne.jp", "")]
    [InlineData("", "taro@i.softbank.jp", "")]
    [InlineData("", "taro@ymobile.ne.jp", "")]
    [InlineData("", "taro@nifty.com", "")]
    [InlineData("", "taro@biglobe.ne.jp", "")]
    [InlineData("", "taro@ocn.ne.jp", "")]
    [InlineData("", "taro@qq.com", "")]
    [InlineData("", "taro@proton.me", "")]
    [InlineData("", "ＴＡＲＯ＠ＧＭＡＩＬ．ＣＯＭ", "")]
    // nor an invalid email
    [InlineData("", "taro@acme", "")]
    [InlineData("", "taro acme.co.jp", "")]
    [InlineData("", "", "")]
    public void Resolve_WebsiteAndEmail_ReturnsCompanyDomain(string website, string email, string expected) =>
        Assert.Equal(expected, CompanyDomainResolver.Default.Resolve(website, EmailNormalizer.Default.Normalize(email)));

    [Theory]
    [InlineData("taro@partner-mail.example", "")]
    [InlineData("taro@Partner-Mail.Example", "")]
    [InlineData("taro@acme.co.jp", "acme.co.jp")]
    [InlineData("taro@gmail.com", "")]
    public void Resolve_ConfiguredFreeMailDomains_AreAddedToBuiltInList(string email, string expected)
    {
        var resolver = new CompanyDomainResolver([" PARTNER-MAIL.example "]);

        Assert.Equal(expected, resolver.Resolve(string.Empty, EmailNormalizer.Default.Normalize(email)));
    }

    [Fact]
    public void BuiltInFreeMailDomains_HoldTheContractList()
    {
        Assert.Equal(34, CompanyDomainResolver.BuiltInFreeMailDomains.Count);
        Assert.Equal(34, CompanyDomainResolver.BuiltInFreeMailDomains.Distinct(StringComparer.Ordinal).Count());
        Assert.All(CompanyDomainResolver.BuiltInFreeMailDomains, d => Assert.True(CompanyDomainResolver.Default.IsFreeMail(d)));
    }

    [Fact]
    public void Resolve_InvalidEmailOnFreeDomain_IsEmpty() =>
        Assert.Equal(string.Empty, CompanyDomainResolver.Default.Resolve(null, EmailAddress.Empty));
}
