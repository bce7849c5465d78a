using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using static SyncBridge.Core.Tests.Decisions.People;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class LeadScorerTests
{
    [Theory]
    [InlineData(Seniority.Executive, 15)]
    [InlineData(Seniority.Director, 12)]
    [InlineData(Seniority.Manager, 8)]
    [InlineData(Seniority.IndividualContributor, 3)]
    [InlineData(Seniority.Unknown, 0)]
    public void Score_Seniority_AddsDefaultFitPoints(Seniority seniority, double expected)
    {
        var settings = new DecisionSettings();
        var decision = settings.Decide(Contact() with { Seniority = seniority, CountryCode = "" });
        Assert.Equal(expected, decision.FitScore);
    }

    [Theory]
    [InlineData(Department.It, 10)]
    [InlineData(Department.Engineering, 8)]
    [InlineData(Department.Sales, 3)]
    [InlineData(Department.Hr, 0)]
    [InlineData(Department.None, 0)]
    public void Score_Department_AddsDefaultFitPoints(Department department, double expected)
    {
        var decision = new DecisionSettings().Decide(Contact() with { Department = department, CountryCode = "" });
        Assert.Equal(expected, decision.FitScore);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(10, 0)]
    [InlineData(50, 5)]
    [InlineData(299, 5)]
    [InlineData(300, 10)]
    [InlineData(1000, 15)]
    [InlineData(250000, 15)]
    public void Score_CompanySize_UsesLastBandReached(int? employees, double expected)
    {
        var contact = Contact() with { CountryCode = "", Company = Company.Empty with { EmployeeCount = employees } };
        Assert.Equal(expected, new DecisionSettings().Decide(contact).FitScore);
    }

    [Theory]
    [InlineData("JP", 5)]
    [InlineData("jp", 5)]
    [InlineData("US", 0)]
    [InlineData("", 0)]
    public void Score_Country_AddsCountryPoints(string country, double expected) =>
        Assert.Equal(expected, new DecisionSettings().Decide(Contact() with { CountryCode = country }).FitScore);

    [Fact]
    public void Score_ConfiguredIndustry_AddsPointsIgnoringCase()
    {
        var settings = Bare();
        settings.Scoring.IndustryPoints["Manufacturing"] = 12;
        var contact = Contact() with { Company = Company.Empty with { Industry = "manufacturing" } };
        Assert.Equal(12, settings.Decide(contact).FitScore);
        Assert.Equal(0, settings.Decide(contact with { Company = Company.Empty with { Industry = "Retail" } }).FitScore);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(30, 5)]
    [InlineData(60, 2.5)]
    [InlineData(90, 1.25)]
    public void Score_Engagement_HalvesEveryHalfLife(double ageDays, double expected)
    {
        var settings = Bare();
        settings.Scoring.ActivityPoints["form_submission"] = 10;
        var decision = settings.Decide(Contact().With(Ago(ActivityType.FormSubmission, ageDays)));
        Assert.Equal(expected, decision.EngagementScore, 2);
        Assert.Equal(expected, decision.Score, 2);
    }

    [Fact]
    public void Score_HalfLifeSetting_ChangesDecay()
    {
        var settings = Bare();
        settings.Scoring.HalfLifeDays = 10;
        settings.Scoring.ActivityPoints["email_click"] = 8;
        Assert.Equal(2, settings.Decide(Contact().With(Ago(ActivityType.EmailClick, 20))).EngagementScore, 2);
    }

    [Fact]
    public void Score_ActivityAfterAsOf_IsIgnored()
    {
        var settings = Bare();
        settings.Scoring.ActivityPoints["demo_request"] = 30;
        var decision = settings.Decide(Contact().With(Ago(ActivityType.DemoRequest, -1)));
        Assert.Equal(0, decision.EngagementScore);
        Assert.False(decision.Hot);
    }

    [Theory]
    [InlineData("https://example.co.jp/pricing", 8)]
    [InlineData("https://example.co.jp/blog/dx-tips", 1)]
    [InlineData("https://example.co.jp/careers/engineer", -10)]
    [InlineData("https://example.co.jp/recruit/", -10)]
    [InlineData("https://example.co.jp/about", 2)]
    public void Score_PageView_UsesFirstMatchingPatternElsePageViewPoints(string url, double expected)
    {
        var settings = Bare();
        settings.Scoring.ActivityPoints["page_view"] = 2;
        settings.Scoring.PageRules =
        [
            new() { Pattern = "/pricing*", Points = 8 },
            new() { Pattern = "/blog/*", Points = 1 },
            new() { Pattern = "/careers*", Points = -10 },
            new() { Pattern = "/recruit*", Points = -10 },
            new() { Pattern = "/pricing/enterprise", Points = 100 },
        ];
        Assert.Equal(expected, settings.Decide(Contact().With(Ago(ActivityType.PageView, 0, url))).EngagementScore, 2);
    }

    [Fact]
    public void Score_NegativePoints_Subtract()
    {
        var settings = Bare();
        settings.Scoring.ActivityPoints["email_click"] = 5;
        settings.Scoring.ActivityPoints["unsubscribe"] = -20;
        var decision = settings.Decide(Contact().With(Ago(ActivityType.EmailClick, 0), Ago(ActivityType.Unsubscribe, 0)));
        Assert.Equal(-15, decision.EngagementScore, 2);
    }

    [Theory]
    [InlineData(ActivityType.DemoRequest, 0, true)]
    [InlineData(ActivityType.DemoRequest, 29.9, true)]
    [InlineData(ActivityType.DemoRequest, 30.1, false)]
    [InlineData(ActivityType.PricingInquiry, 10, true)]
    [InlineData(ActivityType.PricingInquiry, 45, false)]
    [InlineData(ActivityType.FormSubmission, 1, false)]
    public void Hot_HighIntentWithinWindow_IsHotWhateverTheScore(ActivityType type, double ageDays, bool expected)
    {
        var settings = Bare();
        settings.Scoring.HotThreshold = 1000;
        settings.Scoring.MqlThreshold = 1000;
        var decision = settings.Decide(Contact().With(Ago(type, ageDays)));
        Assert.Equal(0, decision.Score);
        Assert.Equal(expected, decision.Hot);
    }

    [Fact]
    public void Hot_HighIntentWindowSetting_IsHonoured()
    {
        var settings = Bare();
        settings.Scoring.HighIntentWindowDays = 60;
        Assert.True(settings.Decide(Contact().With(Ago(ActivityType.DemoRequest, 45))).Hot);
    }

    [Theory]
    [InlineData(79.99, false)]
    [InlineData(80, true)]
    [InlineData(120, true)]
    public void Hot_ScoreAtOrAboveThreshold_IsHot(double points, bool expected)
    {
        var settings = Bare();
        settings.Scoring.HotThreshold = 80;
        settings.Scoring.ActivityPoints["event_attended"] = points;
        Assert.Equal(expected, settings.Decide(Contact().With(Ago(ActivityType.EventAttended, 0))).Hot);
    }

    [Theory]
    [InlineData(new double[] { 70, 2 }, true)]
    [InlineData(new double[] { 63, 3 }, true)]
    [InlineData(new double[] { 59, 3 }, false)]
    [InlineData(new double[] { 70, 8 }, false)]
    [InlineData(new double[] { 2 }, false)]
    [InlineData(new double[] { 100 }, false)]
    [InlineData(new double[] { 90, 20, 1 }, false)]
    [InlineData(new double[] { 90, 5, 1 }, true)]
    [InlineData(new double[] { 90, 70, 1 }, true)]
    public void Reengaged_SilentThenBackWithinRecentDays_IsFlagged(double[] agesDays, bool expected)
    {
        // Silent = no activity for >= 60 days before the first activity of the last 7 days.
        var contact = Contact().With([.. agesDays.Select(d => Ago(ActivityType.EmailOpen, d))]);
        Assert.Equal(expected, Bare().Decide(contact).Reengaged);
    }

    [Fact]
    public void Reengaged_CompanyInitiatedActivity_DoesNotCount()
    {
        var contact = Contact().With(Ago(ActivityType.EmailClick, 100), Ago(ActivityType.EmailSend, 1));
        Assert.False(Bare().Decide(contact).Reengaged);
    }

    [Fact]
    public void Reengaged_Settings_AreHonoured()
    {
        var settings = Bare();
        settings.Scoring.ReengagementSilenceDays = 30;
        settings.Scoring.ReengagementRecentDays = 14;
        var contact = Contact().With(Ago(ActivityType.PageView, 50, "/"), Ago(ActivityType.PageView, 12, "/"));
        Assert.True(settings.Decide(contact).Reengaged);
        Assert.False(Bare().Decide(contact).Reengaged);
    }
}
