using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class ContactNormalizerTests
{
    private static readonly ContactNormalizer Normalizer = new(new NormalizationOptions());

    [Fact]
    public void Normalize_MessyJapaneseRecord_MapsEveryField()
    {
        var record = new RawContactRecord
        {
            System = SourceSystem.HubSpot,
            SourceName = "hubspot",
            ObjectType = "contact",
            SourceId = "101",
            Email = "\"山田 太郎\" <Ｔａｒｏ．Ｙａｍａｄａ＋ｅｘｐｏ＠Ｓａｍｐｌｅ．ｃｏ．ｊｐ>",
            FullName = "  山田　太郎 ",
            Phone = "０３－１２３４－５６７８（内線１２３）",
            Mobile = "090-1234-5678",
            Company = "㈱サンプル　",
            Website = "",
            Title = "営業部　部長",
            Department = "",
            Country = "日本",
        };

        var contact = Normalizer.Normalize(record);

        Assert.Equal(new SourceRef(SourceSystem.HubSpot, "contact", "101"), contact.Source);
        Assert.Equal([new SourceRef(SourceSystem.HubSpot, "contact", "101")], contact.Identities);
        Assert.Equal("山田", contact.FamilyName);
        Assert.Equal("太郎", contact.GivenName);
        Assert.Equal("taro.yamada+expo@sample.co.jp", contact.Email.Normalized);
        Assert.True(contact.Email.IsValid);
        Assert.Equal("taro.yamada@sample.co.jp", contact.Email.MatchKey);
        Assert.Equal(record.Email, contact.Email.Original);
        Assert.Equal("+81312345678", contact.Phone.E164);
        Assert.Equal("123", contact.Phone.Extension);
        Assert.True(contact.Phone.IsValid);
        Assert.Equal(record.Phone, contact.Phone.Original);
        Assert.Equal("+819012345678", contact.Mobile.E164);
        Assert.True(contact.Mobile.IsValid);
        Assert.Equal("営業部 部長", contact.Title);
        Assert.Equal(Seniority.Director, contact.Seniority);
        Assert.Equal("director", contact.Seniority.ToWireName());
        Assert.Equal(string.Empty, contact.DepartmentText);
        Assert.Equal(Department.Sales, contact.Department);
        Assert.Equal("JP", contact.CountryCode);
        Assert.Equal("(株)サンプル", contact.Company.Name);
        Assert.Equal("サンプル", contact.Company.Key);
        Assert.Equal("sample.co.jp", contact.Company.Domain);
    }

    [Fact]
    public void Normalize_EnglishRecordInUnitedStates_UsesCountryAsPhoneRegion()
    {
        var record = new RawContactRecord
        {
            System = SourceSystem.Salesforce,
            ObjectType = "Lead",
            SourceId = "00Q000000000001",
            Email = "mailto:Jane.Doe@Gmail.com?subject=Hi",
            FirstName = " Jane ",
            LastName = "Doe",
            FullName = "Someone Else",
            Phone = "(415) 555-2671 x204",
            Mobile = "not given",
            Company = "Acme, Inc.",
            Website = "https://www.acme.com/contact",
            Title = "VP, Marketing",
            Department = "  Growth   Marketing ",
            Country = "USA",
        };

        var contact = Normalizer.Normalize(record);

        Assert.Equal("Doe", contact.FamilyName);
        Assert.Equal("Jane", contact.GivenName);
        Assert.Equal("jane.doe@gmail.com", contact.Email.Normalized);
        Assert.Equal("janedoe@gmail.com", contact.Email.MatchKey);
        Assert.Equal("+14155552671", contact.Phone.E164);
        Assert.Equal("204", contact.Phone.Extension);
        Assert.False(contact.Mobile.IsValid);
        Assert.Equal(string.Empty, contact.Mobile.E164);
        Assert.Equal("not given", contact.Mobile.Original);
        Assert.Equal("VP, Marketing", contact.Title);
        Assert.Equal(Seniority.Executive, contact.Seniority);
        Assert.Equal("Growth Marketing", contact.DepartmentText);
        Assert.Equal(Department.Marketing, contact.Department);
        Assert.Equal("US", contact.CountryCode);
        Assert.Equal("Acme, Inc.", contact.Company.Name);
        Assert.Equal("acme", contact.Company.Key);
        Assert.Equal("acme.com", contact.Company.Domain);
    }

    [Fact]
    public void Normalize_BlankRecord_LeavesEverythingUnknown()
    {
        var contact = Normalizer.Normalize(new RawContactRecord { System = SourceSystem.Csv });

        Assert.Empty(contact.Identities);
        Assert.Equal(string.Empty, contact.FamilyName);
        Assert.Equal(string.Empty, contact.GivenName);
        Assert.False(contact.Email.IsValid);
        Assert.Equal(string.Empty, contact.Email.Normalized);
        Assert.False(contact.Phone.IsValid);
        Assert.False(contact.Mobile.IsValid);
        Assert.Equal(Seniority.Unknown, contact.Seniority);
        Assert.Equal("unknown", contact.Seniority.ToWireName());
        Assert.Equal(Department.None, contact.Department);
        Assert.Equal(string.Empty, contact.Department.ToWireName());
        Assert.Equal(string.Empty, contact.CountryCode);
        Assert.Equal(string.Empty, contact.Company.Name);
        Assert.Equal(string.Empty, contact.Company.Key);
        Assert.Equal(string.Empty, contact.Company.Domain);
    }

    [Theory]
    [InlineData("UK", "020 7123 4567", "+442071234567", true)]
    [InlineData("イギリス", "020 7123 4567", "+442071234567", true)]
    [InlineData("", "(415) 555-2671", "", false)]
    [InlineData("USA", "(415) 555-2671", "+14155552671", true)]
    [InlineData("アメリカ", "(415) 555-2671", "+14155552671", true)]
    [InlineData("Antarctica", "03-1234-5678", "+81312345678", true)]
    [InlineData("Atlantis", "03-1234-5678", "+81312345678", true)]
    [InlineData("US", "+44 20 7123 4567", "+442071234567", true)]
    public void Normalize_PhoneRegion_FollowsRowCountryElseDefault(string country, string phone, string expectedE164, bool expectedValid)
    {
        var contact = Normalizer.Normalize(new RawContactRecord { Country = country, Phone = phone, Mobile = phone });

        Assert.Equal(expectedE164, contact.Phone.E164);
        Assert.Equal(expectedValid, contact.Phone.IsValid);
        Assert.Equal(expectedE164, contact.Mobile.E164);
    }

    [Fact]
    public void Normalize_ConfiguredDefaultRegion_ParsesNationalNumbers()
    {
        var normalizer = new ContactNormalizer(new NormalizationOptions { DefaultRegion = "US" });

        var contact = normalizer.Normalize(new RawContactRecord { Phone = "(212) 555-0100" });

        Assert.Equal("+12125550100", contact.Phone.E164);
    }

    [Fact]
    public void Normalize_ConfiguredFreeMailDomain_GivesNoCompanyDomain()
    {
        var normalizer = new ContactNormalizer(new NormalizationOptions { FreeMailDomains = ["example-isp.jp"] });

        Assert.Equal(string.Empty, normalizer.Normalize(new RawContactRecord { Email = "taro@example-isp.jp" }).Company.Domain);
        Assert.Equal("acme.jp", normalizer.Normalize(new RawContactRecord { Email = "taro@acme.jp" }).Company.Domain);
    }

    [Fact]
    public void Normalize_ConfiguredDotInsensitiveDomains_ShapeMatchKey()
    {
        var normalizer = new ContactNormalizer(new NormalizationOptions { DotInsensitiveDomains = ["acme.jp"] });

        Assert.Equal("taroyamada@acme.jp", normalizer.Normalize(new RawContactRecord { Email = "taro.yamada@acme.jp" }).Email.MatchKey);
    }

    [Fact]
    public void Normalize_DepartmentBlank_ClassifiesFromTitle()
    {
        var contact = Normalizer.Normalize(new RawContactRecord { Title = "ＣＦＯ" });

        Assert.Equal("CFO", contact.Title);
        Assert.Equal(Seniority.Executive, contact.Seniority);
        Assert.Equal(Department.Finance, contact.Department);
    }

    [Fact]
    public void Normalize_DepartmentUnmatched_IsOther()
    {
        var contact = Normalizer.Normalize(new RawContactRecord { Title = "CEO", Department = "法務部" });

        Assert.Equal("法務部", contact.DepartmentText);
        Assert.Equal(Department.Other, contact.Department);
        Assert.Equal("other", contact.Department.ToWireName());
    }

    [Fact]
    public void Normalize_BlankSourceId_HasNoIdentities()
    {
        var contact = Normalizer.Normalize(new RawContactRecord { System = SourceSystem.Csv, SourceId = "  " });

        Assert.Empty(contact.Identities);
        Assert.Equal(SourceSystem.Csv, contact.Source.System);
    }

    [Fact]
    public void Normalize_InvalidValues_AreKeptAndFlagged()
    {
        var record = new RawContactRecord
        {
            Email = "taro(at)example.jp",
            Phone = "03-1234",
            Country = "Atlantis",
            Website = "n/a",
            Company = "---",
        };

        var contact = Normalizer.Normalize(record);

        Assert.False(contact.Email.IsValid);
        Assert.Equal("taro(at)example.jp", contact.Email.Normalized);
        Assert.Equal(string.Empty, contact.Email.MatchKey);
        Assert.False(contact.Phone.IsValid);
        Assert.Equal("03-1234", contact.Phone.Original);
        Assert.Equal(string.Empty, contact.CountryCode);
        Assert.Equal(string.Empty, contact.Company.Domain);
        Assert.Equal("---", contact.Company.Name);
        Assert.Equal(string.Empty, contact.Company.Key);
    }

    [Fact]
    public void Normalize_SameRecordOnManyThreads_GivesSameResult()
    {
        var records = Enumerable.Range(0, 200).Select(i => new RawContactRecord
        {
            SourceId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Email = i % 2 == 0 ? $"User.{i}+x@Gmail.com" : $"山田{i} <taro{i}@example.co.jp>",
            FullName = i % 2 == 0 ? $"Taro{i} Yamada" : $"山田　太郎{i}",
            Phone = i % 3 == 0 ? "+44 20 7123 4567" : $"03-1234-{5000 + i}",
            Company = i % 2 == 0 ? "Acme, Inc." : "㈱サンプル",
            Country = i % 2 == 0 ? "USA" : "日本",
            Title = i % 2 == 0 ? "VP Sales" : "情報システム部 課長",
        }).ToArray();
        var expected = records.Select(Normalizer.Normalize).ToArray();

        var actual = new CanonicalContact[records.Length];
        Parallel.For(0, records.Length * 5, i => actual[i % records.Length] = Normalizer.Normalize(records[i % records.Length]));

        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(expected[i].Email, actual[i].Email);
            Assert.Equal(expected[i].Phone, actual[i].Phone);
            Assert.Equal(expected[i].FamilyName, actual[i].FamilyName);
            Assert.Equal(expected[i].Company, actual[i].Company);
            Assert.Equal(expected[i].Seniority, actual[i].Seniority);
            Assert.Equal(expected[i].Department, actual[i].Department);
        }
    }

    [Fact]
    public void Constructor_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new ContactNormalizer(null!));

    [Fact]
    public void Constructor_UnsupportedDefaultRegion_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new ContactNormalizer(new NormalizationOptions { DefaultRegion = "ZZ" }));
}
