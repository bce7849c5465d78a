using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class CountryNormalizerTests
{
    [Theory]
    // Japan in every way people write it
    [InlineData("Japan", "JP")]
    [InlineData("japan", "JP")]
    [InlineData("JAPAN", "JP")]
    [InlineData("  Japan  ", "JP")]
    [InlineData("\u3000Japan\u3000", "JP")]
    [InlineData("ｊａｐａｎ", "JP")]
    [InlineData("jp", "JP")]
    [InlineData("JP", "JP")]
    [InlineData("ＪＰ", "JP")]
    [InlineData("jpn", "JP")]
    [InlineData("JPN", "JP")]
    [InlineData("Nippon", "JP")]
    [InlineData("Nihon", "JP")]
    [InlineData("日本", "JP")]
    [InlineData("日本国", "JP")]
    [InlineData("ニッポン", "JP")]
    [InlineData("ｼﾞｬﾊﾟﾝ", "JP")]
    // United States
    [InlineData("USA", "US")]
    [InlineData("usa", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("US", "US")]
    [InlineData("us", "US")]
    [InlineData("United States", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("united  states  of  america", "US")]
    [InlineData("America", "US")]
    [InlineData("アメリカ", "US")]
    [InlineData("米国", "US")]
    [InlineData("アメリカ合衆国", "US")]
    [InlineData("ｱﾒﾘｶ", "US")]
    // United Kingdom
    [InlineData("UK", "GB")]
    [InlineData("U.K.", "GB")]
    [InlineData("GB", "GB")]
    [InlineData("GBR", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("Great Britain", "GB")]
    [InlineData("Britain", "GB")]
    [InlineData("England", "GB")]
    [InlineData("Scotland", "GB")]
    [InlineData("Wales", "GB")]
    [InlineData("Northern Ireland", "GB")]
    [InlineData("United Kingdom of Great Britain and Northern Ireland", "GB")]
    [InlineData("イギリス", "GB")]
    [InlineData("英国", "GB")]
    // Korea, Germany, the Netherlands
    [InlineData("Korea", "KR")]
    [InlineData("South Korea", "KR")]
    [InlineData("Republic of Korea", "KR")]
    [InlineData("Korea, Republic of", "KR")]
    [InlineData("KOR", "KR")]
    [InlineData("韓国", "KR")]
    [InlineData("大韓民国", "KR")]
    [InlineData("North Korea", "KP")]
    [InlineData("北朝鮮", "KP")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("DEU", "DE")]
    [InlineData("de", "DE")]
    [InlineData("ドイツ", "DE")]
    [InlineData("Holland", "NL")]
    [InlineData("Netherlands", "NL")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("NLD", "NL")]
    [InlineData("オランダ", "NL")]
    // the Japanese names the contract lists
    [InlineData("フランス", "FR")]
    [InlineData("中国", "CN")]
    [InlineData("中華人民共和国", "CN")]
    [InlineData("台湾", "TW")]
    [InlineData("香港", "HK")]
    [InlineData("シンガポール", "SG")]
    [InlineData("インド", "IN")]
    [InlineData("オーストラリア", "AU")]
    [InlineData("カナダ", "CA")]
    [InlineData("ブラジル", "BR")]
    [InlineData("メキシコ", "MX")]
    [InlineData("イタリア", "IT")]
    [InlineData("スペイン", "ES")]
    [InlineData("スイス", "CH")]
    [InlineData("スウェーデン", "SE")]
    [InlineData("タイ", "TH")]
    [InlineData("ベトナム", "VN")]
    [InlineData("インドネシア", "ID")]
    [InlineData("マレーシア", "MY")]
    [InlineData("フィリピン", "PH")]
    [InlineData("ニュージーランド", "NZ")]
    [InlineData("ロシア", "RU")]
    [InlineData("ﾛｼｱ", "RU")]
    // more Japanese names
    [InlineData("ノルウェー", "NO")]
    [InlineData("デンマーク", "DK")]
    [InlineData("フィンランド", "FI")]
    [InlineData("ベルギー", "BE")]
    [InlineData("オーストリア", "AT")]
    [InlineData("アイルランド", "IE")]
    [InlineData("ポルトガル", "PT")]
    [InlineData("ポーランド", "PL")]
    [InlineData("トルコ", "TR")]
    [InlineData("イスラエル", "IL")]
    [InlineData("アラブ首長国連邦", "AE")]
    [InlineData("サウジアラビア", "SA")]
    [InlineData("南アフリカ", "ZA")]
    [InlineData("エジプト", "EG")]
    [InlineData("アルゼンチン", "AR")]
    [InlineData("チリ", "CL")]
    [InlineData("パキスタン", "PK")]
    [InlineData("バングラデシュ", "BD")]
    [InlineData("ミャンマー", "MM")]
    [InlineData("カンボジア", "KH")]
    [InlineData("モンゴル", "MN")]
    [InlineData("ウクライナ", "UA")]
    [InlineData("ギリシャ", "GR")]
    [InlineData("チェコ", "CZ")]
    [InlineData("ハンガリー", "HU")]
    [InlineData("マカオ", "MO")]
    // English names and aliases
    [InlineData("France", "FR")]
    [InlineData("FRA", "FR")]
    [InlineData("China", "CN")]
    [InlineData("CHN", "CN")]
    [InlineData("People's Republic of China", "CN")]
    [InlineData("Taiwan", "TW")]
    [InlineData("Hong Kong", "HK")]
    [InlineData("Singapore", "SG")]
    [InlineData("India", "IN")]
    [InlineData("Australia", "AU")]
    [InlineData("Canada", "CA")]
    [InlineData("Brazil", "BR")]
    [InlineData("Brasil", "BR")]
    [InlineData("Mexico", "MX")]
    [InlineData("Italy", "IT")]
    [InlineData("Spain", "ES")]
    [InlineData("Switzerland", "CH")]
    [InlineData("Sweden", "SE")]
    [InlineData("Thailand", "TH")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("Vietnam", "VN")]
    [InlineData("Indonesia", "ID")]
    [InlineData("Malaysia", "MY")]
    [InlineData("Philippines", "PH")]
    [InlineData("New Zealand", "NZ")]
    [InlineData("NEW ZEALAND", "NZ")]
    [InlineData("Russia", "RU")]
    [InlineData("Russian Federation", "RU")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Cote d'Ivoire", "CI")]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("Czechia", "CZ")]
    [InlineData("Turkey", "TR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Åland Islands", "AX")]
    [InlineData("Saint Barthélemy", "BL")]
    [InlineData("Bosnia and Herzegovina", "BA")]
    [InlineData("Iran", "IR")]
    [InlineData("Laos", "LA")]
    [InlineData("Syria", "SY")]
    [InlineData("Vatican City", "VA")]
    [InlineData("Holy See", "VA")]
    [InlineData("Eswatini", "SZ")]
    [InlineData("Swaziland", "SZ")]
    [InlineData("North Macedonia", "MK")]
    [InlineData("Democratic Republic of the Congo", "CD")]
    [InlineData("Congo", "CG")]
    [InlineData("Antarctica", "AQ")]
    [InlineData("ATA", "AQ")]
    [InlineData("Zimbabwe", "ZW")]
    public void ToAlpha2_NameOrCode_ReturnsUpperCaseAlpha2(string value, string expected) =>
        Assert.Equal(expected, CountryNormalizer.ToAlpha2(value));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("ZZZ")]
    [InlineData("Tokyo")]
    [InlineData("東京")]
    [InlineData("EU")]
    [InlineData("Europe")]
    [InlineData("アジア")]
    [InlineData("123")]
    [InlineData("U.S.S.R.")]
    [InlineData("J P")]
    [InlineData("Japan.")]
    public void ToAlpha2_Unknown_ReturnsEmpty(string? value) =>
        Assert.Equal(string.Empty, CountryNormalizer.ToAlpha2(value));

    [Fact]
    public void Table_HoldsEveryIsoCountry_EachCodeMappingToItself()
    {
        Assert.Equal(IsoCountries.Count, CountryNormalizer.Alpha2Codes.Count);
        Assert.All(CountryNormalizer.Alpha2Codes, code =>
        {
            Assert.Matches("^[A-Z]{2}$", code);
            Assert.Equal(code, CountryNormalizer.ToAlpha2(code));
            Assert.Equal(code, CountryNormalizer.ToAlpha2(code.ToLowerInvariant()));
        });
    }

    [Fact]
    public void Table_Alpha3AndEnglishNames_MapToTheirAlpha2()
    {
        var lines = IsoCountries.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(IsoCountries.Count, lines.Length);
        Assert.Equal(IsoCountries.Count, lines.Select(l => l.Split('|')[1]).Distinct(StringComparer.Ordinal).Count());

        Assert.All(lines, line =>
        {
            var fields = line.Split('|');
            Assert.Equal(fields[0], CountryNormalizer.ToAlpha2(fields[1]));
            Assert.Equal(fields[0], CountryNormalizer.ToAlpha2(fields[2]));
            Assert.Equal(fields[0], CountryNormalizer.ToAlpha2(fields[2].ToUpperInvariant()));
        });
    }
}
