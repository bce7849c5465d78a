using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class NormalizedTextTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]
    [InlineData("ｶﾞｷﾞｸﾞ", "ガギグ")]
    [InlineData("㈱", "(株)")]
    [InlineData("①", "1")]
    [InlineData("\u3000", " ")]
    [InlineData("山田", "山田")]
    public void Nfkc_Text_ReturnsCompatibilityComposition(string value, string expected) =>
        Assert.Equal(expected, NormalizedText.Nfkc(value));

    [Theory]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a", "a")]
    [InlineData("  a  ", "a")]
    [InlineData("a  b", "a b")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\r\nb", "a b")]
    [InlineData("a\u3000b", "a b")]
    [InlineData("a\u00a0b", "a b")]
    [InlineData("\u3000\u3000", "")]
    [InlineData(" a \t\n b \u3000 c ", "a b c")]
    [InlineData("Ａ　Ｂ", "A B")]
    [InlineData("株式会社　サンプル", "株式会社 サンプル")]
    public void Clean_Text_TrimsAndCollapsesWhitespace(string? value, string expected) =>
        Assert.Equal(expected, NormalizedText.Clean(value));

    [Fact]
    public void Clean_AlreadyClean_ReturnsSameInstance()
    {
        var value = "Taro Yamada";

        Assert.Same(value, NormalizedText.Clean(value));
    }
}
