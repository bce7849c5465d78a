using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class CompanyNormalizerTests
{
    [Theory]
    // Japanese legal forms before or after, in every spelling
    [InlineData("株式会社サンプル", "サンプル")]
    [InlineData("サンプル株式会社", "サンプル")]
    [InlineData("(株)サンプル", "サンプル")]
    [InlineData("（株）サンプル", "サンプル")]
    [InlineData("㈱サンプル", "サンプル")]
    [InlineData("サンプル(株)", "サンプル")]
    [InlineData("サンプル（株）", "サンプル")]
    [InlineData("サンプル㈱", "サンプル")]
    [InlineData("株式会社 サンプル", "サンプル")]
    [InlineData("株式会社　サンプル", "サンプル")]
    [InlineData("サンプル 株式会社", "サンプル")]
    [InlineData("  株式会社サンプル  ", "サンプル")]
    [InlineData("有限会社サンプル", "サンプル")]
    [InlineData("(有)サンプル", "サンプル")]
    [InlineData("㈲サンプル", "サンプル")]
    [InlineData("サンプル有限会社", "サンプル")]
    [InlineData("合同会社サンプル", "サンプル")]
    [InlineData("合資会社サンプル", "サンプル")]
    [InlineData("合名会社サンプル", "サンプル")]
    [InlineData("一般社団法人サンプル協会", "サンプル協会")]
    [InlineData("一般財団法人サンプル財団", "サンプル財団")]
    [InlineData("ｻﾝﾌﾟﾙ株式会社", "サンプル")]
    [InlineData("株式会社サンプル・ホールディングス", "サンプルホールディングス")]
    [InlineData("株式会社サンプル商事", "サンプル商事")]
    [InlineData("株式会社ＡＢＣ", "abc")]
    [InlineData("ＡＢＣ株式会社", "abc")]
    [InlineData("株式会社NTTデータ", "nttデータ")]
    // Latin legal forms as whole words, before or after
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("ACME Corp.", "acme")]
    [InlineData("Acme Corporation", "acme")]
    [InlineData("Acme Inc", "acme")]
    [InlineData("Acme Inc.", "acme")]
    [InlineData("Acme Incorporated", "acme")]
    [InlineData("Acme Corp", "acme")]
    [InlineData("Acme Co.", "acme")]
    [InlineData("Acme Co", "acme")]
    [InlineData("Acme Ltd.", "acme")]
    [InlineData("Acme Ltd", "acme")]
    [InlineData("Acme Limited", "acme")]
    [InlineData("Acme LLC", "acme")]
    [InlineData("Acme, L.L.C.", "acme")]
    [InlineData("Acme GmbH", "acme")]
    [InlineData("Acme AG", "acme")]
    [InlineData("Acme K.K.", "acme")]
    [InlineData("Acme KK", "acme")]
    [InlineData("Acme plc", "acme")]
    [InlineData("Acme PLC", "acme")]
    [InlineData("Acme S.A.", "acme")]
    [InlineData("Acme SA", "acme")]
    [InlineData("Acme Pte. Ltd.", "acme")]
    [InlineData("Acme Pte Ltd", "acme")]
    [InlineData("Acme Pty Ltd", "acme")]
    [InlineData("Acme Co., Ltd.", "acme")]
    [InlineData("Acme Co.,Ltd.", "acme")]
    [InlineData("Acme Co., Ltd. Inc.", "acme")]
    [InlineData("Blue Sky Co., Ltd.", "bluesky")]
    [InlineData("Inc. Acme", "acme")]
    [InlineData("K.K. Acme", "acme")]
    [InlineData("Acme (Inc.)", "acme")]
    [InlineData("Ａｃｍｅ，Ｉｎｃ．", "acme")]
    [InlineData("ＡＣＭＥ　株式会社", "acme")]
    [InlineData("Acme 株式会社", "acme")]
    [InlineData("Toyota Motor Corporation", "toyotamotor")]
    [InlineData("Sony Group Corporation", "sonygroup")]
    [InlineData("Sample Holdings Co., Ltd.", "sampleholdings")]
    [InlineData("Deutsche Bahn AG", "deutschebahn")]
    [InlineData("AT&T Inc.", "att")]
    // a form inside a word is part of the name
    [InlineData("Corpus Analytics", "corpusanalytics")]
    [InlineData("Acme Corpus", "acmecorpus")]
    [InlineData("Incognito Labs", "incognitolabs")]
    [InlineData("Coca-Cola Company", "cocacolacompany")]
    [InlineData("Sagawa Express", "sagawaexpress")]
    [InlineData("Agile Inc.", "agile")]
    [InlineData("Limitless Ltd", "limitless")]
    [InlineData("Cosmo", "cosmo")]
    [InlineData("Saas", "saas")]
    [InlineData("サンプルInc", "サンプルinc")]
    // case and punctuation never matter
    [InlineData("ACME", "acme")]
    [InlineData("acme", "acme")]
    [InlineData("A.C.M.E.", "acme")]
    [InlineData("Acme-Tech", "acmetech")]
    [InlineData("3M", "3m")]
    [InlineData("NTT Data", "nttdata")]
    [InlineData("Müller GmbH", "müller")]
    [InlineData("Yahoo!", "yahoo")]
    [InlineData("サンプル・ジャパン", "サンプルジャパン")]
    [InlineData("「サンプル」", "サンプル")]
    // nothing left
    [InlineData("株式会社", "")]
    [InlineData("Inc.", "")]
    [InlineData("Co., Ltd.", "")]
    [InlineData("---", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Key_Name_IgnoresCasePunctuationAndLegalForms(string name, string expected) =>
        Assert.Equal(expected, CompanyNormalizer.Key(name));

    [Fact]
    public void Key_Null_IsEmpty() => Assert.Equal(string.Empty, CompanyNormalizer.Key(null));

    [Fact]
    public void Key_SpellingsOfOneCompany_AreEqual()
    {
        string[] spellings = ["株式会社サンプル", "サンプル株式会社", "(株)サンプル", "㈱サンプル", "サンプル（株）", "ｻﾝﾌﾟﾙ㈱"];

        Assert.Single(spellings.Select(CompanyNormalizer.Key).Distinct());
    }

    [Theory]
    [InlineData("  株式会社　サンプル  ", "株式会社 サンプル")]
    [InlineData("Ａｃｍｅ，Ｉｎｃ．", "Acme,Inc.")]
    [InlineData("Acme   Corp.", "Acme Corp.")]
    [InlineData("ｻﾝﾌﾟﾙ㈱", "サンプル(株)")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void DisplayName_Name_IsCleanedButKeepsCaseAndForms(string? name, string expected) =>
        Assert.Equal(expected, CompanyNormalizer.DisplayName(name));
}
