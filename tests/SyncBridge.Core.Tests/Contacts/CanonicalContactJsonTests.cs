using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Tests.Contacts;

public sealed class CanonicalContactJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 15, TimeSpan.FromHours(9));

    [Fact]
    public void WriteRead_RandomContacts_SurviveUnchanged()
    {
        Prop.ForAll(ContactGenerators.Contact.ToArbitrary(), contact =>
        {
            ContactAssert.Same(contact, CanonicalContactJson.Read(CanonicalContactJson.WriteUtf8(contact)));
            ContactAssert.Same(contact, CanonicalContactJson.Read(CanonicalContactJson.Write(contact)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void WriteRead_RandomContacts_WriteTheSameJsonAgain()
    {
        Prop.ForAll(ContactGenerators.Contact.ToArbitrary(), contact =>
        {
            var json = CanonicalContactJson.Write(contact);
            return json == CanonicalContactJson.Write(CanonicalContactJson.Read(json));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void Write_EmptyContact_WritesOnlyTheVersionAndSource()
    {
        Assert.Equal("""{"v":1,"source":{}}""", CanonicalContactJson.Write(new CanonicalContact()));
    }

    [Fact]
    public void Write_ExampleContact_MatchesTheGoldenJson()
    {
        Assert.Equal(GoldenJson, CanonicalContactJson.Write(Example()));
    }

    [Fact]
    public void Read_GoldenJson_GivesTheExampleContact()
    {
        ContactAssert.Same(Example(), CanonicalContactJson.Read(GoldenJson));
    }

    [Fact]
    public void Read_ValueObjects_KeepsStoredFormsWithoutNormalizingAgain()
    {
        // Neither form is what a normalizer would produce from the original: the stored forms must come back as stored.
        var contact = new CanonicalContact
        {
            Email = new EmailAddress(" Taro.Sato+News@Example.JP ", "taro.sato+news@example.jp", false, "tarosato@example.jp"),
            Phone = new PhoneNumber("03-1234-5678 内線12", "+81312345678", "12", true),
        };

        var read = CanonicalContactJson.Read(CanonicalContactJson.Write(contact));

        Assert.Equal(contact.Email, read.Email);
        Assert.Equal(contact.Phone, read.Phone);
    }

    [Theory]
    [InlineData("""{"v":2,"source":{}}""")]
    [InlineData("""{"source":{}}""")]
    [InlineData("null")]
    public void Read_OtherVersionOrNoContact_Throws(string json)
    {
        Assert.Throws<JsonException>(() => CanonicalContactJson.Read(json));
    }

    [Fact]
    public void Write_LoneSurrogate_BecomesTheReplacementCharacter()
    {
        // A known limit: JSON text is UTF-8, so half a surrogate pair cannot be stored. Sources decode UTF-8 or JSON
        // themselves, so such text cannot reach a contact through them.
        var read = CanonicalContactJson.Read(CanonicalContactJson.Write(new CanonicalContact { FamilyName = "a\uD800b" }));

        Assert.Equal("a\uFFFDb", read.FamilyName);
    }

    [Fact]
    public void Read_EnumValueWithoutName_KeepsTheNumber()
    {
        var contact = new CanonicalContact { Seniority = (Seniority)42, LifecycleStage = (LifecycleStage)55 };

        var json = CanonicalContactJson.Write(contact);

        Assert.Contains("\"seniority\":42", json, StringComparison.Ordinal);
        Assert.Equal(contact.Seniority, CanonicalContactJson.Read(json).Seniority);
        Assert.Equal(contact.LifecycleStage, CanonicalContactJson.Read(json).LifecycleStage);
    }

    private static CanonicalContact Example() => new()
    {
        Source = new SourceRef(SourceSystem.Salesforce, "Lead", "00Q5g00000AbCdE"),
        Identities = [new SourceRef(SourceSystem.Salesforce, "Lead", "00Q5g00000AbCdE"), new SourceRef(SourceSystem.HubSpot, "contact", "1201")],
        FamilyName = "佐藤",
        GivenName = "太郎",
        Email = new EmailAddress("Taro.Sato@Example.co.jp", "taro.sato@example.co.jp", true, "taro.sato@example.co.jp"),
        Phone = new PhoneNumber("03-1234-5678", "+81312345678", string.Empty, true),
        Title = "Marketing Manager",
        Seniority = Seniority.Manager,
        DepartmentText = "マーケティング部",
        Department = Department.Marketing,
        CountryCode = "JP",
        SocialProfiles = ["https://www.linkedin.com/in/taro"],
        Company = new Company { Name = "株式会社サンプル", Key = "サンプル", Domain = "example.co.jp", EmployeeCount = 250, FiscalYearEndMonth = 3, HasAccount = true },
        Acquisition = new Acquisition { Channel = AcquisitionChannel.Webinar, Direction = AcquisitionDirection.Inbound, FirstTouchAt = At.AddDays(-30) },
        Activities =
        [
            new Activity(ActivityType.PageView, At.AddMinutes(-5), "/pricing"),
            new Activity(ActivityType.EventAttended, At.AddDays(-2), "Seminar 2026") { Notes = "asked \"when\"", Answers = new Dictionary<string, string> { ["interest"] = "high" } },
        ],
        LastVisitAt = At.AddMinutes(-5),
        Deals = [new Deal("006A", "Negotiation", DealOutcome.Open) { Name = "Renewal", Amount = 1200000.50m }],
        Consent = new Consent { UnsubscribedFromAll = false, HardBounced = false, State = ConsentState.Granted, LawfulBasis = "consent" },
        LifecycleStage = LifecycleStage.MarketingQualifiedLead,
        SalesStatus = "Working",
        HubSpotMarketable = true,
        SourceModifiedAt = new DateTimeOffset(2026, 11, 20, 0, 30, 15, 123, TimeSpan.Zero),
        Provenance = new Dictionary<string, PropertyProvenance>
        {
            [ContactProperties.Email] = new(SourceSystem.Salesforce, At),
            [ContactProperties.Title] = new(SourceSystem.HubSpot, null),
        },
        Extra = new Dictionary<string, string> { ["Region__c"] = "Kanto" },
    };

    // The pinned format, version 1. Changing it needs a new version and a reader for the old one.
    private const string GoldenJson =
        """
        {"v":1,"source":{"system":"Salesforce","objectType":"Lead","id":"00Q5g00000AbCdE"},"identities":[{"system":"Salesforce","objectType":"Lead","id":"00Q5g00000AbCdE"},{"system":"HubSpot","objectType":"contact","id":"1201"}],"familyName":"佐藤","givenName":"太郎","email":{"original":"Taro.Sato@Example.co.jp","normalized":"taro.sato@example.co.jp","isValid":true,"matchKey":"taro.sato@example.co.jp"},"phone":{"original":"03-1234-5678","e164":"+81312345678","isValid":true},"title":"Marketing Manager","seniority":"Manager","departmentText":"マーケティング部","department":"Marketing","countryCode":"JP","socialProfiles":["https://www.linkedin.com/in/taro"],"company":{"name":"株式会社サンプル","key":"サンプル","domain":"example.co.jp","employeeCount":250,"fiscalYearEndMonth":3,"hasAccount":true},"acquisition":{"channel":"Webinar","direction":"Inbound","firstTouchAt":"2026-10-21T09:30:15+09:00"},"activities":[{"type":"PageView","occurredAt":"2026-11-20T09:25:15+09:00","detail":"/pricing"},{"type":"EventAttended","occurredAt":"2026-11-18T09:30:15+09:00","detail":"Seminar 2026","notes":"asked \"when\"","answers":{"interest":"high"}}],"lastVisitAt":"2026-11-20T09:25:15+09:00","deals":[{"id":"006A","stage":"Negotiation","name":"Renewal","amount":1200000.50}],"consent":{"unsubscribedFromAll":false,"hardBounced":false,"state":"Granted","lawfulBasis":"consent"},"lifecycleStage":"MarketingQualifiedLead","salesStatus":"Working","hubSpotMarketable":true,"sourceModifiedAt":"2026-11-20T00:30:15.123+00:00","provenance":{"email":{"source":"Salesforce","changedAt":"2026-11-20T09:30:15+09:00"},"title":{"source":"HubSpot"}},"extra":{"Region__c":"Kanto"}}
        """;
}
