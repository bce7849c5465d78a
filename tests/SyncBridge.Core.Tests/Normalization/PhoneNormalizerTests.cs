using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class PhoneNormalizerTests
{
    private static readonly PhoneNormalizer Japan = new("JP");

    [Theory]
    // Japanese numbers in the default region, however they are written
    [InlineData("03-1234-5678", "", "+81312345678")]
    [InlineData("0312345678", "", "+81312345678")]
    [InlineData("03 1234 5678", "", "+81312345678")]
    [InlineData("(03) 1234-5678", "", "+81312345678")]
    [InlineData("03(1234)5678", "", "+81312345678")]
    [InlineData("  03-1234-5678  ", "", "+81312345678")]
    [InlineData("\u300003-1234-5678\u3000", "", "+81312345678")]
    [InlineData("０３－１２３４－５６７８", "", "+81312345678")]
    [InlineData("０３ー１２３４ー５６７８", "", "+81312345678")]
    [InlineData("（０３）１２３４－５６７８", "", "+81312345678")]
    [InlineData("06-6123-4567", "", "+81661234567")]
    [InlineData("0120-123-456", "", "+81120123456")]
    [InlineData("050-1234-5678", "", "+815012345678")]
    [InlineData("090-1234-5678", "", "+819012345678")]
    [InlineData("080 1234 5678", "", "+818012345678")]
    [InlineData("070-1234-5678", "", "+817012345678")]
    [InlineData("+81 3-1234-5678", "", "+81312345678")]
    [InlineData("+81-90-1234-5678", "", "+819012345678")]
    [InlineData("+81 (0)3-1234-5678", "", "+81312345678")]
    [InlineData("＋８１ ９０ １２３４ ５６７８", "", "+819012345678")]
    [InlineData("03-1234-5678", "JP", "+81312345678")]
    // the row's country is the region
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("212-555-0100", "US", "+12125550100")]
    [InlineData("020 7123 4567", "GB", "+442071234567")]
    [InlineData("030 12345678", "DE", "+493012345678")]
    [InlineData("6123 4567", "SG", "+6561234567")]
    [InlineData("0412 345 678", "AU", "+61412345678")]
    [InlineData("02-1234-5678", "AU", "+61212345678")]
    [InlineData("(02) 312 3456", "KR", "+8223123456")]
    [InlineData("01 23 45 67 89", "FR", "+33123456789")]
    // a leading + (or an international prefix) uses the number's own country whatever the region
    [InlineData("+44 20 7123 4567", "JP", "+442071234567")]
    [InlineData("+44 20 7123 4567", "", "+442071234567")]
    [InlineData("+1 415-555-2671", "JP", "+14155552671")]
    [InlineData("+1 (212) 555-0100", "", "+12125550100")]
    [InlineData("+49 30 12345678", "", "+493012345678")]
    [InlineData("+65 6123 4567", "", "+6561234567")]
    [InlineData("+61 412 345 678", "", "+61412345678")]
    [InlineData("+86 10 1234 5678", "", "+861012345678")]
    [InlineData("+82 2-312-3456", "", "+8223123456")]
    [InlineData("+886 2 2345 6789", "", "+886223456789")]
    [InlineData("+852 2123 4567", "", "+85221234567")]
    [InlineData("+33 1 23 45 67 89", "US", "+33123456789")]
    [InlineData("+81 3-1234-5678", "US", "+81312345678")]
    [InlineData("010-44-20-7123-4567", "", "+442071234567")]
    [InlineData("00 44 20 7123 4567", "GB", "+442071234567")]
    [InlineData("011 44 20 7123 4567", "US", "+442071234567")]
    // a country libphonenumber has no data for falls back to the default region
    [InlineData("03-1234-5678", "AQ", "+81312345678")]
    [InlineData("03-1234-5678", "BV", "+81312345678")]
    // a label in front of the number is skipped
    [InlineData("Tel: 03-1234-5678", "", "+81312345678")]
    [InlineData("TEL 03-1234-5678", "", "+81312345678")]
    public void Normalize_ValidNumber_ReturnsE164(string raw, string country, string expected)
    {
        var phone = Japan.Normalize(raw, country);

        Assert.True(phone.IsValid);
        Assert.Equal(expected, phone.E164);
        Assert.Equal(string.Empty, phone.Extension);
        Assert.Equal(raw, phone.Original);
    }

    [Theory]
    [InlineData("03-1234-5678 ext. 123", "123")]
    [InlineData("03-1234-5678 ext.123", "123")]
    [InlineData("03-1234-5678 ext 123", "123")]
    [InlineData("03-1234-5678 Ext. 123", "123")]
    [InlineData("03-1234-5678 EXT:123", "123")]
    [InlineData("03-1234-5678 ext: 123", "123")]
    [InlineData("03-1234-5678ext123", "123")]
    [InlineData("03-1234-5678 extension 123", "123")]
    [InlineData("03-1234-5678 Extension: 4567", "4567")]
    [InlineData("03-1234-5678 x123", "123")]
    [InlineData("03-1234-5678 X 123", "123")]
    [InlineData("03-1234-5678x9", "9")]
    [InlineData("03-1234-5678 #123", "123")]
    [InlineData("03-1234-5678#123", "123")]
    [InlineData("03-1234-5678 内線123", "123")]
    [InlineData("03-1234-5678 内線 123", "123")]
    [InlineData("03-1234-5678 内線：123", "123")]
    [InlineData("03-1234-5678(内線123)", "123")]
    [InlineData("03-1234-5678 (内線 123)", "123")]
    [InlineData("03-1234-5678（内線１２３）", "123")]
    [InlineData("０３－１２３４－５６７８　内線１２３", "123")]
    [InlineData("03-1234-5678 ｅｘｔ．１２３", "123")]
    [InlineData("03-1234-5678;ext=123", "123")]
    [InlineData("+81 3 1234 5678 x 0042", "0042")]
    public void Normalize_Extension_IsSplitOffInEveryNotation(string raw, string expectedExtension)
    {
        var phone = Japan.Normalize(raw, "JP");

        Assert.True(phone.IsValid);
        Assert.Equal("+81312345678", phone.E164);
        Assert.Equal(expectedExtension, phone.Extension);
        Assert.Equal(raw, phone.Original);
    }

    [Theory]
    [InlineData("(415) 555-2671 ext. 12", "US", "+14155552671", "12")]
    [InlineData("+1 415 555 2671 x12", "JP", "+14155552671", "12")]
    [InlineData("+44 20 7123 4567 ext 9", "", "+442071234567", "9")]
    public void Normalize_ForeignNumberWithExtension_SplitsBoth(string raw, string country, string expected, string extension)
    {
        var phone = Japan.Normalize(raw, country);

        Assert.Equal(expected, phone.E164);
        Assert.Equal(extension, phone.Extension);
        Assert.True(phone.IsValid);
    }

    [Theory]
    [InlineData("12345", "")]
    [InlineData("03-1234", "")]
    [InlineData("0000", "")]
    [InlineData("000-0000-0000", "")]
    [InlineData("abc", "")]
    [InlineData("n/a", "")]
    [InlineData("-", "")]
    [InlineData("1", "")]
    [InlineData("+99 123", "")]
    [InlineData("+", "")]
    [InlineData("電話番号なし", "")]
    [InlineData("(415) 555-2671", "")]
    [InlineData("(415) 555-2671", "JP")]
    [InlineData("03-1234-5678", "US")]
    [InlineData("123456789012345678901234567890", "")]
    public void Normalize_InvalidNumber_IsKeptAndFlagged(string raw, string country)
    {
        var phone = Japan.Normalize(raw, country);

        Assert.False(phone.IsValid);
        Assert.Equal(string.Empty, phone.E164);
        Assert.Equal(raw, phone.Original);
        Assert.False(phone.IsEmpty);
    }

    [Fact]
    public void Normalize_InvalidNumberWithExtension_KeepsExtensionDigits()
    {
        var phone = Japan.Normalize("12345 ext. 67", "");

        Assert.False(phone.IsValid);
        Assert.Equal(string.Empty, phone.E164);
        Assert.Equal("67", phone.Extension);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Normalize_Blank_IsEmptyAndInvalid(string? raw)
    {
        var phone = Japan.Normalize(raw, "JP");

        Assert.False(phone.IsValid);
        Assert.Equal(string.Empty, phone.E164);
        Assert.Equal(string.Empty, phone.Extension);
    }

    [Theory]
    [InlineData("US", "JP", "US")]
    [InlineData("GB", "JP", "GB")]
    [InlineData("", "JP", "JP")]
    [InlineData(null, "JP", "JP")]
    [InlineData("AQ", "JP", "JP")]
    [InlineData("XX", "JP", "JP")]
    [InlineData("", "US", "US")]
    [InlineData("", "us", "US")]
    public void RegionFor_Country_UsesItWhenLibphonenumberKnowsIt(string? country, string defaultRegion, string expected) =>
        Assert.Equal(expected, new PhoneNormalizer(defaultRegion).RegionFor(country));

    [Fact]
    public void Normalize_DefaultRegionUs_ParsesNationalUsNumbers()
    {
        var phone = new PhoneNormalizer("US").Normalize("(415) 555-2671", "");

        Assert.True(phone.IsValid);
        Assert.Equal("+14155552671", phone.E164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ZZ")]
    [InlineData("Japan")]
    public void Constructor_UnknownDefaultRegion_Throws(string region) =>
        Assert.ThrowsAny<ArgumentException>(() => new PhoneNormalizer(region));

    [Theory]
    [InlineData("03-1234-5678", "03-1234-5678", "")]
    [InlineData("03-1234-5678 ext. 12", "03-1234-5678", "12")]
    [InlineData("03-1234-5678 (内線12)", "03-1234-5678", "12")]
    [InlineData("03-1234-5678, x12", "03-1234-5678", "12")]
    [InlineData("Tel #: 03-1234-5678", "Tel #: 03-1234-5678", "")]
    [InlineData("03-1234-5678 ext", "03-1234-5678 ext", "")]
    [InlineData("03-1234-5678 #", "03-1234-5678 #", "")]
    [InlineData("1-800-XEROX", "1-800-XEROX", "")]
    public void SplitExtension_Text_ReturnsNumberAndExtension(string text, string expectedNumber, string expectedExtension)
    {
        var (number, extension) = PhoneNormalizer.SplitExtension(text);

        Assert.Equal(expectedNumber, number);
        Assert.Equal(expectedExtension, extension);
    }
}
