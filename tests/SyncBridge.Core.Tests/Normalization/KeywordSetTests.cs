using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class KeywordSetTests
{
    private static readonly KeywordSet Keywords = new("vp", "head of", "r&d", "co-founder", "it", "部長");

    [Theory]
    [InlineData("vp", true)]
    [InlineData("vp sales", true)]
    [InlineData("sales vp", true)]
    [InlineData("(vp)", true)]
    [InlineData("vp/marketing", true)]
    [InlineData("mvp", false)]
    [InlineData("vpn admin", false)]
    [InlineData("head of sales", true)]
    [InlineData("head office", false)]
    [InlineData("r&d", true)]
    [InlineData("r&d center", true)]
    [InlineData("co-founder", true)]
    [InlineData("it", true)]
    [InlineData("it部", true)]
    [InlineData("情報it", true)]
    [InlineData("edit", false)]
    [InlineData("itself", false)]
    [InlineData("éit", false)]
    [InlineData("営業部長", true)]
    [InlineData("部長代理", true)]
    [InlineData("", false)]
    [InlineData("mvp vp", true)]
    public void IsFoundIn_Text_MatchesLatinAsWholeWordsAndJapaneseAsSubstrings(string lowered, bool expected) =>
        Assert.Equal(expected, Keywords.IsFoundIn(lowered));

    [Theory]
    [InlineData("")]
    [InlineData("UPPER")]
    public void Constructor_BlankOrUpperCaseKeyword_Throws(string keyword) =>
        Assert.Throws<ArgumentException>(() => new KeywordSet(keyword));
}
