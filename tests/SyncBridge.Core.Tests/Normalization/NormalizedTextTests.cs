using System.Text;
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

    [Fact]
    public void Nfkc_EveryCharacterOfTheFastPathRanges_AgreesWithIcu()
    {
        (char From, char To)[] ranges =
        [
            ('\u0000', '\u007f'), ('\u3001', '\u3002'), ('\u3005', '\u3007'), ('\u300c', '\u300f'),
            ('\u3041', '\u3096'), ('\u309d', '\u309e'), ('\u30a1', '\u30fe'), ('\u3400', '\u4dbf'), ('\u4e00', '\u9fff'),
        ];

        foreach (var (from, to) in ranges)
        {
            for (var c = from; c <= to; c++)
            {
                var text = "a" + c + "\u30ab";
                Assert.Equal(text.Normalize(NormalizationForm.FormKC), NormalizedText.Nfkc(text));
            }
        }
    }

    [Theory]
    [InlineData("ｶﾞ")]
    [InlineData("\u304b\u3099")]
    [InlineData("ｱ山田")]
    [InlineData("Ａ山田")]
    [InlineData("e\u0301")]
    [InlineData("ﾊﾟﾅｿﾆｯｸ㈱")]
    [InlineData("①②③")]
    [InlineData("ﬁ")]
    public void Nfkc_TextOutsideTheFastPath_IsNormalizedByIcu(string text) =>
        Assert.Equal(text.Normalize(NormalizationForm.FormKC), NormalizedText.Nfkc(text));

    [Theory]
    [InlineData("ABC def 123")]
    [InlineData("ÀÉÎÕÜ Ñ Ç")]
    [InlineData("ΑΒΓ αβγ")]
    [InlineData("АБВ абв")]
    [InlineData("株式会社サンプル ABC")]
    [InlineData("한국어 ABC")]
    [InlineData("ＡＢＣ")]
    [InlineData("İI")]
    [InlineData("𐐀𐐨")]
    [InlineData("")]
    public void LowerInvariant_Text_AgreesWithStringToLowerInvariant(string text)
    {
        var buffer = new char[text.Length];

        var written = NormalizedText.LowerInvariant(text, buffer);

        Assert.Equal(text.ToLowerInvariant(), new string(buffer, 0, written));
    }
}
