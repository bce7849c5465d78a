using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using static SyncBridge.Core.Tests.Decisions.People;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class SegmentTests
{
    private static bool In(SegmentCondition condition, CanonicalContact contact, Action<DecisionSettings>? configure = null)
    {
        var settings = Bare();
        settings.Segments.Definitions["s"] = condition;
        configure?.Invoke(settings);
        return settings.Decide(contact).Segments.Contains("s");
    }

    private static readonly CanonicalContact ItDirector = Contact() with
    {
        Seniority = Seniority.Director,
        Department = Department.It,
        Title = "情報システム部 部長",
        Company = Company.Empty with { Industry = "Manufacturing", EmployeeCount = 450 },
    };

    public static TheoryData<string, bool> AttributeCases => new()
    {
        { "seniority", true }, { "seniority_other", false },
        { "department", true }, { "department_other", false },
        { "country", true }, { "country_other", false },
        { "industry", true }, { "industry_other", false },
        { "size", true }, { "size_other", false },
        { "stage", true }, { "stage_other", false },
        { "title", true }, { "title_other", false },
    };

    [Theory]
    [MemberData(nameof(AttributeCases))]
    public void Membership_AttributeCondition_Matches(string test, bool expected)
    {
        var condition = test switch
        {
            "seniority" => new SegmentCondition { Seniority = ["Executive", "director"] },
            "seniority_other" => new SegmentCondition { Seniority = ["manager"] },
            "department" => new SegmentCondition { Department = ["it", "engineering"] },
            "department_other" => new SegmentCondition { Department = ["finance"] },
            "country" => new SegmentCondition { Country = ["jp"] },
            "country_other" => new SegmentCondition { Country = ["US"] },
            "industry" => new SegmentCondition { Industry = ["manufacturing"] },
            "industry_other" => new SegmentCondition { Industry = ["Retail"] },
            "size" => new SegmentCondition { CompanySize = new SegmentRange { Min = 300, Max = 999 } },
            "size_other" => new SegmentCondition { CompanySize = new SegmentRange { Min = 1000 } },
            "stage" => new SegmentCondition { LifecycleStage = ["subscriber", "lead"] },
            "stage_other" => new SegmentCondition { LifecycleStage = ["customer"] },
            "title" => new SegmentCondition { TitleContains = ["部長", "director"] },
            "title_other" => new SegmentCondition { TitleContains = ["課長"] },
            _ => throw new ArgumentOutOfRangeException(nameof(test)),
        };
        Assert.Equal(expected, In(condition, ItDirector));
    }

    [Fact]
    public void Membership_UnknownCompanySize_NeverInSizeRange() =>
        Assert.False(In(new SegmentCondition { CompanySize = new SegmentRange { Max = 100000 } }, Contact()));

    [Theory]
    [InlineData(5, 7, true)]
    [InlineData(10, 7, false)]
    public void Membership_ClickedWithinDays(double clickedAgo, int days, bool expected) =>
        Assert.Equal(expected, In(new SegmentCondition { ClickedWithinDays = days }, Contact().With(Ago(ActivityType.EmailClick, clickedAgo))));

    [Theory]
    [InlineData(100, 365, true)]
    [InlineData(400, 365, false)]
    public void Membership_AttendedEventWithinDays(double ago, int days, bool expected) =>
        Assert.Equal(expected, In(new SegmentCondition { AttendedEventWithinDays = days }, Contact().With(Ago(ActivityType.EventAttended, ago))));

    [Theory]
    [InlineData(3, 30, true)]
    [InlineData(4, 30, false)]
    [InlineData(3, 5, false)]
    [InlineData(2, 5, true)]
    public void Membership_ViewedUrlAtLeastKTimesWithinDays(int minCount, int withinDays, bool expected)
    {
        // Three /pricing* views within 30 days (two within 5); the blog post does not match the pattern.
        var contact = Contact().With(
            Ago(ActivityType.PageView, 1, "https://example.co.jp/pricing"),
            Ago(ActivityType.PageView, 2, "https://example.co.jp/pricing?plan=pro"),
            Ago(ActivityType.PageView, 10, "https://example.co.jp/pricing/enterprise"),
            Ago(ActivityType.PageView, 1, "https://example.co.jp/blog/pricing"));
        var condition = new SegmentCondition { ViewedUrl = new SegmentUrlCondition { Pattern = "/pricing*", MinCount = minCount, WithinDays = withinDays } };
        Assert.Equal(expected, In(condition, contact));
    }

    [Theory]
    [InlineData(10.0, 50.0, true)]
    [InlineData(31.0, null, false)]
    public void Membership_ScoreRange(double min, double? max, bool expected)
    {
        var contact = Contact().With(Ago(ActivityType.FormSubmission, 0));
        Assert.Equal(expected, In(new SegmentCondition { Score = new SegmentRange { Min = min, Max = max } }, contact, s => s.Scoring.ActivityPoints["form_submission"] = 30));
    }

    [Fact]
    public void Membership_HotAndReengaged()
    {
        var hot = Contact().With(Ago(ActivityType.DemoRequest, 1));
        var back = Contact().With(Ago(ActivityType.EmailOpen, 100), Ago(ActivityType.EmailOpen, 1));
        Assert.True(In(new SegmentCondition { Hot = true }, hot));
        Assert.False(In(new SegmentCondition { Hot = true }, back));
        Assert.True(In(new SegmentCondition { Hot = false }, back));
        Assert.True(In(new SegmentCondition { Reengaged = true }, back));
        Assert.False(In(new SegmentCondition { Reengaged = true }, hot));
    }

    [Fact]
    public void Membership_AllAnyNot_Combine()
    {
        var condition = new SegmentCondition
        {
            All =
            [
                new SegmentCondition { Country = ["JP"] },
                new SegmentCondition { Any = [new SegmentCondition { Seniority = ["executive"] }, new SegmentCondition { Department = ["it"] }] },
            ],
            Not = new SegmentCondition { LifecycleStage = ["customer"] },
        };
        Assert.True(In(condition, ItDirector));
        Assert.False(In(condition, ItDirector with { CountryCode = "US" }));
        Assert.False(In(condition, ItDirector with { Department = Department.Sales }));
        Assert.True(In(condition, ItDirector with { Department = Department.Sales, Seniority = Seniority.Executive }));
        Assert.False(In(condition, ItDirector with { LifecycleStage = LifecycleStage.Customer }));
    }

    [Fact]
    public void Membership_SeveralTestsOnOneNode_AllMustHold()
    {
        var condition = new SegmentCondition { Country = ["JP"], Department = ["finance"] };
        Assert.False(In(condition, ItDirector));
        Assert.True(In(condition, ItDirector with { Department = Department.Finance }));
    }

    [Fact]
    public void Membership_SeveralSegments_NamesInOrdinalOrder()
    {
        var settings = Bare();
        settings.Segments.Definitions["zeta"] = new SegmentCondition { Country = ["JP"] };
        settings.Segments.Definitions["alpha"] = new SegmentCondition { Country = ["JP"] };
        settings.Segments.Definitions["none"] = new SegmentCondition { Country = ["US"] };
        var decision = settings.Decide(Contact());
        Assert.Equal(["alpha", "zeta"], decision.Segments.Names);
    }

    [Fact]
    public void Validate_BadConditions_ReportEveryProblemWithItsPath()
    {
        var settings = Bare();
        settings.Segments.Definitions["bad name!"] = new SegmentCondition { Hot = true };
        settings.Segments.Definitions["vip"] = new SegmentCondition
        {
            Any = [new SegmentCondition { Seniority = ["ceo"] }, new SegmentCondition()],
            ViewedUrl = new SegmentUrlCondition { Pattern = "pricing" },
            Score = new SegmentRange { Min = 50, Max = 10 },
        };

        var failures = settings.Validate();

        Assert.Contains(failures, f => f.Contains("Definitions:bad name!", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Definitions:vip:Any:0:Seniority: 'ceo'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Definitions:vip:Any:1 has no test", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Definitions:vip:ViewedUrl:Pattern", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Definitions:vip:Score: Min", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new DecisionEngine(settings));
    }
}
