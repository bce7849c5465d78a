using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class DecisionSettingsTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(new DecisionSettings().Validate());

    public static TheoryData<string, string> BadSettings => new()
    {
        { "half_life", "Scoring" },
        { "mql_above_hot", "Scoring: MqlThreshold" },
        { "recent_not_below_silence", "Scoring: ReengagementRecentDays" },
        { "unknown_activity", "Scoring: ActivityPoints:webinar" },
        { "unknown_seniority", "Scoring: SeniorityPoints:ceo" },
        { "bands_not_ascending", "Scoring: CompanySizeBands:1:MinEmployees" },
        { "bad_page_pattern", "Scoring: PageRules:0:Pattern" },
        { "tiers_not_ascending", "Billing: Tiers:1:Contacts" },
        { "tier_prices_descending", "Billing: Tiers:1:MonthlyPrice" },
        { "no_tiers", "Billing: Tiers" },
        { "renewal_day", "RenewalDay" },
        { "time_zone", "Billing: TimeZone" },
        { "tier_limit", "TierLimit" },
        { "country_code", "Marketing: ConsentRequiredCountries:0" },
        { "domain", "Marketing: CompetitorDomains:0" },
        { "blank_status", "Lifecycle: QualifiedSalesStatuses:0" },
        { "engaged_days", "EngagedWithinDays" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_NamesTheSetting(string change, string setting)
    {
        var s = new DecisionSettings();
        switch (change)
        {
            case "half_life": s.Scoring.HalfLifeDays = 0; break;
            case "mql_above_hot": s.Scoring.MqlThreshold = 90; s.Scoring.HotThreshold = 60; break;
            case "recent_not_below_silence": s.Scoring.ReengagementRecentDays = 60; break;
            case "unknown_activity": s.Scoring.ActivityPoints["webinar"] = 3; break;
            case "unknown_seniority": s.Scoring.SeniorityPoints["ceo"] = 3; break;
            case "bands_not_ascending": s.Scoring.CompanySizeBands = [new() { MinEmployees = 100 }, new() { MinEmployees = 100 }]; break;
            case "bad_page_pattern": s.Scoring.PageRules = [new() { Pattern = "pricing" }]; break;
            case "tiers_not_ascending": s.Billing.Tiers = [new() { Contacts = 5000, MonthlyPrice = 1 }, new() { Contacts = 2000, MonthlyPrice = 2 }]; break;
            case "tier_prices_descending": s.Billing.Tiers = [new() { Contacts = 2000, MonthlyPrice = 2 }, new() { Contacts = 5000, MonthlyPrice = 1 }]; break;
            case "no_tiers": s.Billing.Tiers = []; break;
            case "renewal_day": s.Billing.RenewalDay = 32; break;
            case "time_zone": s.Billing.TimeZone = "Mars/Olympus"; break;
            case "tier_limit": s.Billing.TierLimit = 0; break;
            case "country_code": s.Marketing.ConsentRequiredCountries = ["Germany"]; break;
            case "domain": s.Marketing.CompetitorDomains = ["not a domain"]; break;
            case "blank_status": s.Lifecycle.QualifiedSalesStatuses = [" "]; break;
            case "engaged_days": s.Marketing.EngagedWithinDays = 0; break;
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }

        var failures = s.Validate();

        Assert.Contains(failures, f => f.Contains(setting, StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => new DecisionEngine(s));
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedAtOnce()
    {
        var s = new DecisionSettings();
        s.Scoring.HalfLifeDays = -1;
        s.Billing.RenewalDay = 0;
        s.Marketing.InternalDomains = ["@"];
        Assert.True(s.Validate().Count >= 3);
    }
}
