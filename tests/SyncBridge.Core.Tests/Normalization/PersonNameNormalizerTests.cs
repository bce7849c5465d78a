using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class PersonNameNormalizerTests
{
    [Theory]
    // separate fields win and are only cleaned
    [InlineData("Taro", "Yamada", "", "Yamada", "Taro")]
    [InlineData("太郎", "山田", "", "山田", "太郎")]
    [InlineData("Taro", "", "", "", "Taro")]
    [InlineData("", "山田", "", "山田", "")]
    [InlineData("  Taro  ", "\tYamada\n", "", "Yamada", "Taro")]
    [InlineData("\u3000太郎\u3000", "\u3000山田", "", "山田", "太郎")]
    [InlineData("ｔａｒｏ", "ＹＡＭＡＤＡ", "", "YAMADA", "taro")]
    [InlineData("ﾀﾛｳ", "ﾔﾏﾀﾞ", "", "ヤマダ", "タロウ")]
    [InlineData("Mary  Jane", "van   der Berg", "", "van der Berg", "Mary Jane")]
    [InlineData("Taro", "", "Hanako Suzuki", "", "Taro")]
    [InlineData("", "Yamada", "Hanako Suzuki", "Yamada", "")]
    [InlineData("taro", "yamada", "", "yamada", "taro")]
    // full name, Japanese script: family first
    [InlineData("", "", "山田 太郎", "山田", "太郎")]
    [InlineData("", "", "山田　太郎", "山田", "太郎")]
    [InlineData("", "", "  山田　　太郎  ", "山田", "太郎")]
    [InlineData("", "", "山田太郎", "山田太郎", "")]
    [InlineData("", "", "山田 太郎 次郎", "山田", "太郎 次郎")]
    [InlineData("", "", "やまだ たろう", "やまだ", "たろう")]
    [InlineData("", "", "ヤマダ タロウ", "ヤマダ", "タロウ")]
    [InlineData("", "", "ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ", "タロウ")]
    [InlineData("", "", "ﾔﾏﾀﾞﾀﾛｳ", "ヤマダタロウ", "")]
    [InlineData("", "", "髙橋 一郎", "髙橋", "一郎")]
    [InlineData("", "", "佐々木 花子", "佐々木", "花子")]
    [InlineData("", "", "𠮷田 太郎", "𠮷田", "太郎")]
    [InlineData("", "", "山田\t太郎", "山田", "太郎")]
    [InlineData("", "", "山田\r\n太郎", "山田", "太郎")]
    [InlineData("", "", "田中 Taro", "田中", "Taro")]
    // full name, Latin: family last
    [InlineData("", "", "Taro Yamada", "Yamada", "Taro")]
    [InlineData("", "", "  Taro   Yamada  ", "Yamada", "Taro")]
    [InlineData("", "", "Taro\u3000Yamada", "Yamada", "Taro")]
    [InlineData("", "", "Ｔａｒｏ　Ｙａｍａｄａ", "Yamada", "Taro")]
    [InlineData("", "", "Mary Jane Watson", "Watson", "Mary Jane")]
    [InlineData("", "", "John O'Brien", "O'Brien", "John")]
    [InlineData("", "", "Anna-Lena Müller", "Müller", "Anna-Lena")]
    [InlineData("", "", "Madonna", "Madonna", "")]
    [InlineData("", "", "TARO YAMADA", "YAMADA", "TARO")]
    // full name with a comma: Family, Given
    [InlineData("", "", "Yamada, Taro", "Yamada", "Taro")]
    [InlineData("", "", "Yamada,Taro", "Yamada", "Taro")]
    [InlineData("", "", "Yamada ,  Taro", "Yamada", "Taro")]
    [InlineData("", "", "Yamada，Taro", "Yamada", "Taro")]
    [InlineData("", "", "山田, 太郎", "山田", "太郎")]
    [InlineData("", "", "van der Berg, Jan", "van der Berg", "Jan")]
    [InlineData("", "", "Watson, Mary Jane", "Watson", "Mary Jane")]
    [InlineData("", "", "Yamada,", "Yamada", "")]
    [InlineData("", "", ", Taro", "", "Taro")]
    [InlineData("", "", "Smith, John, Jr.", "Smith", "John, Jr.")]
    // nothing known
    [InlineData("", "", "", "", "")]
    [InlineData("  ", "\u3000", "\t", "", "")]
    public void Normalize_Fields_ReturnsFamilyAndGiven(string first, string last, string full, string expectedFamily, string expectedGiven)
    {
        var name = PersonNameNormalizer.Normalize(first, last, full);

        Assert.Equal(expectedFamily, name.Family);
        Assert.Equal(expectedGiven, name.Given);
    }

    [Fact]
    public void Normalize_Nulls_ReturnsEmpty() =>
        Assert.Equal(PersonName.Empty, PersonNameNormalizer.Normalize(null, null, null));

    [Theory]
    [InlineData("山田", true)]
    [InlineData("やまだ", true)]
    [InlineData("ヤマダ", true)]
    [InlineData("𠮷", true)]
    [InlineData("々", true)]
    [InlineData("Yamada", false)]
    [InlineData("Müller", false)]
    [InlineData("김철수", false)]
    [InlineData("", false)]
    public void IsJapanese_Text_DetectsHanHiraganaKatakana(string text, bool expected) =>
        Assert.Equal(expected, PersonNameNormalizer.IsJapanese(text));
}
