using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class EmailNormalizerTests
{
    private static readonly EmailNormalizer Normalizer = EmailNormalizer.Default;

    [Theory]
    // plain, case, whitespace
    [InlineData("taro@example.jp", "taro@example.jp")]
    [InlineData("Taro@Example.JP", "taro@example.jp")]
    [InlineData("TARO@EXAMPLE.JP", "taro@example.jp")]
    [InlineData("  taro@example.jp  ", "taro@example.jp")]
    [InlineData("\ttaro@example.jp\r\n", "taro@example.jp")]
    [InlineData("\u3000taro@example.jp\u3000", "taro@example.jp")]
    // full-width (NFKC) and Japanese full stops
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp")]
    [InlineData("ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ", "taro@example.jp")]
    [InlineData("taro＠example.jp", "taro@example.jp")]
    [InlineData("taro@example．co．jp", "taro@example.co.jp")]
    [InlineData("taro@example。jp", "taro@example.jp")]
    [InlineData("taro@example｡jp", "taro@example.jp")]
    [InlineData("taro１２３@example.jp", "taro123@example.jp")]
    // mailto
    [InlineData("mailto:taro@example.jp", "taro@example.jp")]
    [InlineData("MAILTO:Taro@Example.jp", "taro@example.jp")]
    [InlineData("MailTo:taro@example.jp?subject=hello", "taro@example.jp")]
    [InlineData("mailto:taro@example.jp?cc=hanako@example.jp&subject=hi", "taro@example.jp")]
    [InlineData("ｍａｉｌｔｏ：taro@example.jp", "taro@example.jp")]
    [InlineData("  mailto:taro@example.jp  ", "taro@example.jp")]
    // display-name forms
    [InlineData("Taro Yamada <taro@example.jp>", "taro@example.jp")]
    [InlineData("\"山田 太郎\" <taro@example.jp>", "taro@example.jp")]
    [InlineData("\"Yamada, Taro\" <Taro@Example.jp>", "taro@example.jp")]
    [InlineData("<taro@example.jp>", "taro@example.jp")]
    [InlineData("山田太郎＜taro@example.jp＞", "taro@example.jp")]
    [InlineData("Taro < taro@example.jp >", "taro@example.jp")]
    [InlineData("Old <old@example.jp>, New <taro@example.jp>", "taro@example.jp")]
    [InlineData("\"taro@example.jp\"", "taro@example.jp")]
    [InlineData("'taro@example.jp'", "taro@example.jp")]
    [InlineData("Taro <\"taro@example.jp\">", "taro@example.jp")]
    // tags and dots are kept in the stored address
    [InlineData("taro+news@example.jp", "taro+news@example.jp")]
    [InlineData("Taro.Yamada+Tag@Gmail.com", "taro.yamada+tag@gmail.com")]
    [InlineData("t.a.r.o@googlemail.com", "t.a.r.o@googlemail.com")]
    public void Normalize_ValidInput_ReturnsLowerCaseAddress(string raw, string expected)
    {
        var email = Normalizer.Normalize(raw);

        Assert.Equal(expected, email.Normalized);
        Assert.True(email.IsValid);
        Assert.Equal(raw, email.Original);
    }

    [Theory]
    [InlineData("taro@example.jp", "taro@example.jp")]
    [InlineData("taro+news@example.jp", "taro@example.jp")]
    [InlineData("taro+a+b@example.jp", "taro@example.jp")]
    [InlineData("taro.yamada@example.jp", "taro.yamada@example.jp")]
    [InlineData("taro.yamada+tag@example.jp", "taro.yamada@example.jp")]
    [InlineData("taro.yamada@yahoo.co.jp", "taro.yamada@yahoo.co.jp")]
    [InlineData("taro.yamada+x@outlook.com", "taro.yamada@outlook.com")]
    [InlineData("taro.yamada@gmail.com", "taroyamada@gmail.com")]
    [InlineData("Taro.Yamada+Tag@Gmail.com", "taroyamada@gmail.com")]
    [InlineData("t.a.r.o@gmail.com", "taro@gmail.com")]
    [InlineData("t.a.r.o@googlemail.com", "taro@gmail.com")]
    [InlineData("taro@googlemail.com", "taro@gmail.com")]
    [InlineData("taro+x.y@gmail.com", "taro@gmail.com")]
    [InlineData("taro.yamada@mail.gmail.com", "taro.yamada@mail.gmail.com")]
    [InlineData("ｔａｒｏ．ｙａｍａｄａ＋ｔａｇ＠ｇｍａｉｌ．ｃｏｍ", "taroyamada@gmail.com")]
    [InlineData("mailto:Taro.Yamada+x@GMAIL.COM?subject=a", "taroyamada@gmail.com")]
    public void Normalize_ValidInput_BuildsMatchKey(string raw, string expectedKey)
    {
        var email = Normalizer.Normalize(raw);

        Assert.True(email.IsValid);
        Assert.Equal(expectedKey, email.MatchKey);
    }

    [Theory]
    [InlineData("taro", "taro")]
    [InlineData("taro@", "taro@")]
    [InlineData("@example.jp", "@example.jp")]
    [InlineData("taro@@example.jp", "taro@@example.jp")]
    [InlineData("taro@hanako@example.jp", "taro@hanako@example.jp")]
    [InlineData("taro@example", "taro@example")]
    [InlineData("taro@example.c", "taro@example.c")]
    [InlineData("taro@example.123", "taro@example.123")]
    [InlineData("taro@example.j2", "taro@example.j2")]
    [InlineData("taro@-example.jp", "taro@-example.jp")]
    [InlineData("taro@example-.jp", "taro@example-.jp")]
    [InlineData("taro@example..jp", "taro@example..jp")]
    [InlineData("taro@.example.jp", "taro@.example.jp")]
    [InlineData("taro@example.jp.", "taro@example.jp.")]
    [InlineData("taro@exa_mple.jp", "taro@exa_mple.jp")]
    [InlineData(".taro@example.jp", ".taro@example.jp")]
    [InlineData("taro.@example.jp", "taro.@example.jp")]
    [InlineData("ta..ro@example.jp", "ta..ro@example.jp")]
    [InlineData("taro yamada@example.jp", "taro yamada@example.jp")]
    [InlineData("taro@exam ple.jp", "taro@exam ple.jp")]
    [InlineData("Taro\t@example.jp", "taro\t@example.jp")]
    [InlineData("山田@example.jp", "山田@example.jp")]
    [InlineData("taro@例え.jp", "taro@例え.jp")]
    [InlineData("taro(at)example.jp", "taro(at)example.jp")]
    [InlineData("Taro <taro@example.jp", "taro <taro@example.jp")]
    [InlineData("taro@example.jp>", "taro@example.jp>")]
    [InlineData("\"taro\"@example.jp", "\"taro\"@example.jp")]
    [InlineData("taro,hanako@example.jp", "taro,hanako@example.jp")]
    [InlineData("n/a", "n/a")]
    [InlineData("-", "-")]
    public void Normalize_InvalidInput_KeepsNormalizedTextWithoutMatchKey(string raw, string expected)
    {
        var email = Normalizer.Normalize(raw);

        Assert.Equal(expected, email.Normalized);
        Assert.False(email.IsValid);
        Assert.Equal(string.Empty, email.MatchKey);
        Assert.Equal(raw, email.Original);
    }

    [Theory]
    [InlineData("o'brien@example.ie")]
    [InlineData("a!#$%&'*+/=?^_`{|}~-@example.com")]
    [InlineData("user@sub.example.co.jp")]
    [InlineData("user@xn--eckwd4c7c.jp")]
    [InlineData("1234@example.jp")]
    [InlineData("a@b.co")]
    [InlineData("first-last@my-company.example.com")]
    public void Normalize_AllowedCharacters_IsValid(string raw) =>
        Assert.True(Normalizer.Normalize(raw).IsValid);

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Normalize_LocalPartLength_IsCheckedAt64(int localLength, bool expectedValid) =>
        Assert.Equal(expectedValid, Normalizer.Normalize(new string('a', localLength) + "@example.jp").IsValid);

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void Normalize_DomainLabelLength_IsCheckedAt63(int labelLength, bool expectedValid) =>
        Assert.Equal(expectedValid, Normalizer.Normalize("taro@" + new string('b', labelLength) + ".jp").IsValid);

    [Theory]
    [InlineData(254, true)]
    [InlineData(255, false)]
    public void Normalize_TotalLength_IsCheckedAt254(int totalLength, bool expectedValid)
    {
        // local (64) + '@' + labels of 50 'x' joined by dots, padded to the wanted length with a final label.
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('x', 50), 3));
        var remaining = totalLength - local.Length - 1 - domain.Length - 1;
        var address = local + "@" + domain + "." + new string('z', remaining);
        Assert.Equal(totalLength, address.Length);

        Assert.Equal(expectedValid, Normalizer.Normalize(address).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Normalize_NullOrEmpty_ReturnsEmpty(string? raw)
    {
        var email = Normalizer.Normalize(raw);

        Assert.Equal(string.Empty, email.Normalized);
        Assert.False(email.IsValid);
        Assert.Equal(string.Empty, email.MatchKey);
        Assert.True(email.IsEmpty);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u3000")]
    [InlineData("mailto:")]
    [InlineData("<>")]
    [InlineData("\"\"")]
    public void Normalize_NothingLeft_IsEmptyAndInvalidButKeepsOriginal(string raw)
    {
        var email = Normalizer.Normalize(raw);

        Assert.Equal(string.Empty, email.Normalized);
        Assert.False(email.IsValid);
        Assert.Equal(raw, email.Original);
    }

    [Fact]
    public void Normalize_ValidAddress_ExposesLocalPartAndDomain()
    {
        var email = Normalizer.Normalize("Taro Yamada <Taro.Yamada+x@Example.CO.JP>");

        Assert.Equal("taro.yamada+x", email.LocalPart);
        Assert.Equal("example.co.jp", email.Domain);
    }

    [Theory]
    [InlineData("t.a.r.o@example.jp", "taro@example.jp")]
    [InlineData("t.a.r.o+x@example.jp", "taro@example.jp")]
    [InlineData("t.a.r.o@gmail.com", "t.a.r.o@gmail.com")]
    [InlineData("t.a.r.o@googlemail.com", "t.a.r.o@gmail.com")]
    public void Normalize_ConfiguredDotInsensitiveDomains_DropDotsOnlyThere(string raw, string expectedKey)
    {
        var normalizer = new EmailNormalizer(["Example.JP"]);

        Assert.Equal(expectedKey, normalizer.Normalize(raw).MatchKey);
    }
}
