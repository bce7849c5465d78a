using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

public sealed class HubSpotContactMapperTests
{
    private static readonly DateTimeOffset Modified = new(2026, 11, 2, 3, 4, 5, TimeSpan.Zero);

    private static HubSpotContactRecord Record(params (string Name, string? Value)[] properties) =>
        new("901", 901, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), Modified, false, null);

    [Fact]
    public void ToRaw_HubSpotProperties_FillTheRawRecord()
    {
        var raw = HubSpotContactMapper.ToRaw(Record(("email", "Taro@Example.jp"), ("firstname", "太郎"), ("lastname", "山田"), ("jobtitle", "部長"), ("mobilephone", "090-1234-5678"), ("website", "example.jp")));

        Assert.Equal(SourceSystem.HubSpot, raw.System);
        Assert.Equal("contact", raw.ObjectType);
        Assert.Equal("901", raw.SourceId);
        Assert.Equal("Taro@Example.jp", raw.Email);
        Assert.Equal("太郎", raw.FirstName);
        Assert.Equal("山田", raw.LastName);
        Assert.Equal("部長", raw.Title);
        Assert.Equal("090-1234-5678", raw.Mobile);
        Assert.Equal("example.jp", raw.Website);
    }

    [Fact]
    public void Map_HubSpotOnlyFields_AreSetFromTheirProperties()
    {
        var mapper = new HubSpotContactMapper(new ContactNormalizer(new NormalizationOptions()));

        var contact = mapper.Map(Record(("email", "a@example.com"), ("lifecyclestage", "marketingqualifiedlead"), ("hs_email_optout", "true"),
            ("hs_email_hard_bounce_reason_enum", "BAD_MAILBOX"), ("hs_marketable_status", "false"), ("hs_legal_basis", "Legitimate interest")));

        Assert.Equal(new SourceRef(SourceSystem.HubSpot, "contact", "901"), contact.Source);
        Assert.Equal(LifecycleStage.MarketingQualifiedLead, contact.LifecycleStage);
        Assert.True(contact.Consent.UnsubscribedFromAll);
        Assert.True(contact.Consent.HardBounced);
        Assert.Equal("BAD_MAILBOX", contact.Consent.BounceReason);
        Assert.Equal("Legitimate interest", contact.Consent.LawfulBasis);
        Assert.False(contact.HubSpotMarketable);
        Assert.Equal(Modified, contact.SourceModifiedAt);
        Assert.Equal(new PropertyProvenance(SourceSystem.HubSpot, Modified), contact.Provenance[ContactProperties.Email]);
        Assert.Equal(new PropertyProvenance(SourceSystem.HubSpot, Modified), contact.Provenance[ContactProperties.LifecycleStage]);
        Assert.False(contact.Provenance.ContainsKey(ContactProperties.Phone));
    }

    [Fact]
    public void ReadConsent_PropertiesAbsent_IsUnknownNotNo()
    {
        var consent = HubSpotContactMapper.ReadConsent(Record(("email", "a@example.com")));

        Assert.Null(consent.UnsubscribedFromAll);
        Assert.Null(consent.HardBounced);
        Assert.Equal(ConsentState.Unknown, consent.State);
    }

    [Fact]
    public void ReadConsent_BounceReasonPresentButEmpty_IsNotHardBounced()
    {
        var consent = HubSpotContactMapper.ReadConsent(Record(("hs_email_optout", "false"), ("hs_email_hard_bounce_reason_enum", null)));

        Assert.False(consent.UnsubscribedFromAll);
        Assert.False(consent.HardBounced);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Map_MarketableStatus_ParsesTheReadOnlyProperty(string? value, bool? expected)
    {
        var mapper = new HubSpotContactMapper(new ContactNormalizer(new NormalizationOptions()));

        var contact = mapper.Map(Record(("email", "a@example.com"), ("hs_marketable_status", value)));

        Assert.Equal(expected, contact.HubSpotMarketable);
    }

    [Fact]
    public void Map_MessyHubSpotValues_GoThroughCoresNormalizer()
    {
        var mapper = new HubSpotContactMapper(new ContactNormalizer(new NormalizationOptions()));

        var contact = mapper.Map(Record(("email", "mailto:Taro.Yamada@Example.JP "), ("firstname", "太郎"), ("lastname", "山田"), ("phone", "03-1234-5678"), ("country", "Japan")));

        Assert.True(contact.Email.IsValid);
        Assert.Equal("example.jp", contact.Email.Domain);
        Assert.Equal("山田", contact.FamilyName);
        Assert.Equal("+81312345678", contact.Phone.E164);
        Assert.Equal("JP", contact.CountryCode);
    }

    [Fact]
    public void Map_EngagementRollUps_BecomeActivitiesInTimeOrderAndTheLastVisit()
    {
        var mapper = new HubSpotContactMapper(new ContactNormalizer(new NormalizationOptions()));

        var contact = mapper.Map(Record(
            ("email", "a@example.com"),
            ("hs_email_last_open_date", "2026-11-10T09:00:00Z"),
            ("hs_email_last_click_date", "1762160400000"), // epoch milliseconds: 2025-11-03T09:00:00Z
            ("recent_conversion_date", "2026-11-12T10:30:00.000Z"),
            ("recent_conversion_event_name", "Pricing page: talk to sales"),
            ("hs_analytics_last_visit_timestamp", "2026-11-13T08:00:00Z")));

        Assert.Equal(
            [
                new Activity(ActivityType.EmailClick, new DateTimeOffset(2025, 11, 3, 9, 0, 0, TimeSpan.Zero)),
                new Activity(ActivityType.EmailOpen, new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero)),
                new Activity(ActivityType.PricingInquiry, new DateTimeOffset(2026, 11, 12, 10, 30, 0, TimeSpan.Zero), "Pricing page: talk to sales"),
            ],
            contact.Activities);
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 8, 0, 0, TimeSpan.Zero), contact.LastVisitAt);
    }

    [Theory]
    [InlineData("Book a DEMO", ActivityType.DemoRequest)]
    [InlineData("Pricing inquiry", ActivityType.PricingInquiry)]
    [InlineData("Newsletter signup", ActivityType.FormSubmission)]
    [InlineData("", ActivityType.FormSubmission)]
    public void ConversionType_FormName_HighIntentFormsAreThatAction(string form, ActivityType expected) =>
        Assert.Equal(expected, HubSpotContactMapper.ConversionType(form));

    [Fact]
    public void Map_NoOrUnreadableEngagement_NoActivities()
    {
        var mapper = new HubSpotContactMapper(new ContactNormalizer(new NormalizationOptions()));

        var contact = mapper.Map(Record(("email", "a@example.com"), ("hs_email_last_open_date", "not a date"), ("recent_conversion_date", "")));

        Assert.Empty(contact.Activities);
        Assert.Null(contact.LastVisitAt);
    }
}
