using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class KeywordClassifierTests
{
    public enum Level
    {
        None = 0,
        First,
        Second,
        Third,
    }

    private static readonly KeywordClassifier<Level> Classifier = new(
    [
        (Level.First, ["vp", "head of", "部長"]),
        (Level.Second, ["r&d", "co-founder", "it", "head"]),
        (Level.Third, ["lead", "担当"]),
    ]);

    [Theory]
    [InlineData("vp", Level.First)]
    [InlineData("vp sales", Level.First)]
    [InlineData("sales vp", Level.First)]
    [InlineData("(vp)", Level.First)]
    [InlineData("vp/marketing", Level.First)]
    [InlineData("mvp", Level.None)]
    [InlineData("vpn admin", Level.None)]
    [InlineData("mvp vp", Level.First)]
    [InlineData("head of sales", Level.First)]
    [InlineData("head office", Level.Second)]
    [InlineData("headquarters", Level.None)]
    [InlineData("r&d", Level.Second)]
    [InlineData("r&d center", Level.Second)]
    [InlineData("co-founder", Level.Second)]
    [InlineData("it", Level.Second)]
    [InlineData("it部", Level.Second)]
    [InlineData("情報it", Level.Second)]
    [InlineData("edit", Level.None)]
    [InlineData("itself", Level.None)]
    [InlineData("éit", Level.None)]
    [InlineData("営業部長", Level.First)]
    [InlineData("部長代理", Level.First)]
    [InlineData("営業担当", Level.Third)]
    [InlineData("team lead", Level.Third)]
    [InlineData("misleading", Level.None)]
    [InlineData("lead, it, vp", Level.First)]
    [InlineData("lead it", Level.Second)]
    [InlineData("担当 部長", Level.First)]
    [InlineData("", Level.None)]
    public void TryClassify_Text_ReturnsFirstCategoryInRuleOrder(string lowered, Level expected)
    {
        var found = Classifier.TryClassify(lowered, out var level);

        Assert.Equal(expected != Level.None, found);
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UPPER")]
    public void Constructor_BlankOrUpperCaseKeyword_Throws(string keyword) =>
        Assert.Throws<ArgumentException>(() => new KeywordClassifier<Level>([(Level.First, [keyword])]));
}
