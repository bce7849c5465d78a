using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using static SyncBridge.Core.Tests.Decisions.People;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class MarketingPolicyTests
{
    private static DecisionSettings Settings()
    {
        var s = Bare();
        s.Marketing.CompetitorDomains = ["rival.co.jp"];
        s.Marketing.InternalDomains = ["syncbridge.example"];
        return s;
    }

    /// <summary>An engaged person (clicked yesterday) so that only the exclusion under test can stop marketing.</summary>
    private static CanonicalContact Engaged(string email = "taro.yamada@example.co.jp") =>
        Contact(email).With(Ago(ActivityType.EmailClick, 1));

    public static TheoryData<string, string> ExclusionCases => new()
    {
        { "no_email", "no_email" },
        { "invalid_email", "invalid_email" },
        { "hard_bounce", "hard_bounce" },
        { "unsubscribed", "unsubscribed" },
        { "no_consent_denied", "no_consent" },
        { "no_consent_unknown", "no_consent" },
        { "role_info", "role_address" },
        { "role_noreply", "role_address" },
        { "role_suffix", "role_address" },
        { "role_tag", "role_address" },
        { "competitor", "competitor_domain" },
        { "competitor_subdomain", "competitor_domain" },
        { "internal", "internal_domain" },
    };

    [Theory]
    [MemberData(nameof(ExclusionCases))]
    public void Decide_HardExclusion_NonMarketingWithReason(string situation, string code)
    {
        var contact = situation switch
        {
            "no_email" => Engaged() with { Email = EmailAddress.Empty },
            "invalid_email" => Engaged() with { Email = Email("taro@", valid: false) },
            "hard_bounce" => Engaged() with { Consent = new Consent { HardBounced = true } },
            "unsubscribed" => Engaged() with { Consent = new Consent { UnsubscribedFromAll = true } },
            "no_consent_denied" => Engaged() with { CountryCode = "DE", Consent = new Consent { State = ConsentState.Denied } },
            "no_consent_unknown" => Engaged() with { CountryCode = "FR" },
            "role_info" => Engaged("info@example.co.jp"),
            "role_noreply" => Engaged("NoReply@example.co.jp"),
            "role_suffix" => Engaged("sales-jp@example.co.jp"),
            "role_tag" => Engaged("support+tickets@example.co.jp"),
            "competitor" => Engaged("spy@rival.co.jp"),
            "competitor_subdomain" => Engaged("spy@tokyo.rival.co.jp"),
            "internal" => Engaged("me@syncbridge.example"),
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };

        var decision = Settings().Decide(contact);

        Assert.Equal(MarketingStatus.NonMarketing, decision.Marketing);
        Assert.Equal([code], decision.Reasons.ToCodes());
    }

    [Theory]
    [InlineData("information@example.co.jp")]
    [InlineData("salesforce.admin@example.co.jp")]
    [InlineData("taro.sales@example.co.jp")]
    public void Decide_PersonalAddressResemblingRole_NotExcluded(string email) =>
        Assert.Equal(MarketingStatus.Marketing, Settings().Decide(Engaged(email)).Marketing);

    [Theory]
    [InlineData("DE", ConsentState.Granted, MarketingStatus.Marketing)]
    [InlineData("JP", ConsentState.Unknown, MarketingStatus.Marketing)]
    [InlineData("", ConsentState.Unknown, MarketingStatus.Marketing)]
    [InlineData("GB", ConsentState.Unknown, MarketingStatus.NonMarketing)]
    public void Decide_Consent_RequiredOnlyForConfiguredCountries(string country, ConsentState state, MarketingStatus expected)
    {
        var contact = Engaged() with { CountryCode = country, Consent = new Consent { State = state } };
        Assert.Equal(expected, Settings().Decide(contact).Marketing);
    }

    [Fact]
    public void Decide_ConsentCountriesSetting_AddsJapan()
    {
        var settings = Settings();
        settings.Marketing.ConsentRequiredCountries = ["JP"];
        Assert.Equal(["no_consent"], settings.Decide(Engaged()).Reasons.ToCodes());
    }

    [Fact]
    public void Decide_SeveralExclusions_AllReportedInIssueOrder()
    {
        var contact = Engaged("info@rival.co.jp") with
        {
            CountryCode = "DE",
            Consent = new Consent { HardBounced = true, UnsubscribedFromAll = true },
        };
        var decision = Settings().Decide(contact);
        Assert.Equal(["hard_bounce", "unsubscribed", "no_consent", "role_address", "competitor_domain"], decision.Reasons.ToCodes());
    }

    [Fact]
    public void Decide_ExcludedButHot_StaysNonMarketing()
    {
        var contact = Contact().With(Ago(ActivityType.DemoRequest, 1)) with { Consent = new Consent { UnsubscribedFromAll = true } };
        var decision = Settings().Decide(contact);
        Assert.True(decision.Hot);
        Assert.Equal(MarketingStatus.NonMarketing, decision.Marketing);
        Assert.Equal(["unsubscribed"], decision.Reasons.ToCodes());
    }

    public static TheoryData<string, string[]> MarketCases => new()
    {
        { "demo_1d", ["hot", "recent_conversion", "engaged"] },
        { "form_60d", ["recent_conversion", "engaged"] },
        { "form_120d", ["engaged"] },
        { "open_170d", ["engaged"] },
        { "open_200d", ["dormant"] },
        { "nothing", ["dormant"] },
        { "open_deal", ["open_opportunity"] },
        { "score_hot", ["hot"] },
        { "send_only", ["dormant"] },
    };

    [Theory]
    [MemberData(nameof(MarketCases))]
    public void Decide_ReasonsToMarket_InIssueOrder(string situation, string[] codes)
    {
        var settings = Settings();
        settings.Scoring.ActivityPoints["email_click"] = 0;
        var contact = situation switch
        {
            "demo_1d" => Contact().With(Ago(ActivityType.DemoRequest, 1)),
            "form_60d" => Contact().With(Ago(ActivityType.FormSubmission, 60)),
            "form_120d" => Contact().With(Ago(ActivityType.FormSubmission, 120)),
            "open_170d" => Contact().With(Ago(ActivityType.EmailOpen, 170)),
            "open_200d" => Contact().With(Ago(ActivityType.EmailOpen, 200)),
            "open_deal" => Contact() with { Deals = [new Deal("d", "proposal", DealOutcome.Open)] },
            "score_hot" => Contact() with { Seniority = Seniority.Executive },
            "send_only" => Contact().With(Ago(ActivityType.EmailSend, 1)),
            _ => Contact(),
        };
        if (situation == "score_hot")
        {
            settings.Scoring.SeniorityPoints["executive"] = 90;
        }

        var decision = settings.Decide(contact);

        Assert.Equal(codes, decision.Reasons.ToCodes());
        Assert.Equal(codes[0] == "dormant" ? MarketingStatus.NonMarketing : MarketingStatus.Marketing, decision.Marketing);
    }

    [Fact]
    public void Decide_OpenOpportunitySwitchedOff_Dormant()
    {
        var settings = Settings();
        settings.Marketing.MarketOpenOpportunities = false;
        var decision = settings.Decide(Contact() with { Deals = [new Deal("d", "proposal", DealOutcome.Open)] });
        Assert.Equal(["dormant"], decision.Reasons.ToCodes());
    }

    [Theory]
    [InlineData(30, 45, false)]
    [InlineData(60, 45, true)]
    public void Decide_RecentConversionDaysSetting_IsHonoured(int days, double ageDays, bool expected)
    {
        var settings = Settings();
        settings.Marketing.RecentConversionDays = days;
        var decision = settings.Decide(Contact().With(Ago(ActivityType.FormSubmission, ageDays)));
        Assert.Equal(expected, decision.Reasons.HasFlag(MarketingReasons.RecentConversion));
    }

    [Theory]
    [InlineData(90, 100, "dormant")]
    [InlineData(365, 300, "engaged")]
    public void Decide_EngagedWithinDaysSetting_IsHonoured(int days, double ageDays, string code)
    {
        var settings = Settings();
        settings.Marketing.EngagedWithinDays = days;
        Assert.Equal([code], settings.Decide(Contact().With(Ago(ActivityType.EmailClick, ageDays))).Reasons.ToCodes());
    }

    [Fact]
    public void ToCode_EveryReason_HasStableCode()
    {
        string[] expected =
        [
            "no_email", "invalid_email", "hard_bounce", "unsubscribed", "no_consent", "role_address", "competitor_domain",
            "internal_domain", "hot", "recent_conversion", "engaged", "open_opportunity", "dormant", "over_budget",
        ];
        var all = Enum.GetValues<MarketingReasons>().Where(r => r != 0 && (r & (r - 1)) == 0).ToArray();
        Assert.Equal(expected, all.Select(r => r.ToCode()));
        Assert.Equal(expected, all.Aggregate(MarketingReasons.None, (a, r) => a | r).ToCodes());
    }
}
