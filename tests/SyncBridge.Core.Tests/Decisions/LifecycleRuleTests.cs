using FsCheck;
using FsCheck.Fluent;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using static SyncBridge.Core.Tests.Decisions.People;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class LifecycleRuleTests
{
    public static TheoryData<string, LifecycleStage> ComputedCases => new()
    {
        { "nothing", LifecycleStage.Subscriber },
        { "email_open", LifecycleStage.Subscriber },
        { "form", LifecycleStage.Lead },
        { "event", LifecycleStage.Lead },
        { "score_mql", LifecycleStage.MarketingQualifiedLead },
        { "demo", LifecycleStage.MarketingQualifiedLead },
        { "qualified_status", LifecycleStage.SalesQualifiedLead },
        { "open_deal", LifecycleStage.Opportunity },
        { "lost_deal", LifecycleStage.Subscriber },
        { "won_deal", LifecycleStage.Customer },
        { "won_and_open", LifecycleStage.Customer },
    };

    [Theory]
    [MemberData(nameof(ComputedCases))]
    public void Compute_Evidence_GivesStage(string evidence, LifecycleStage expected)
    {
        var settings = Bare();
        settings.Scoring.ActivityPoints["page_view"] = 60;
        settings.Scoring.MqlThreshold = 50;
        var contact = evidence switch
        {
            "email_open" => Contact().With(Ago(ActivityType.EmailOpen, 1)),
            "form" => Contact().With(Ago(ActivityType.FormSubmission, 400)),
            "event" => Contact().With(Ago(ActivityType.EventAttended, 400)),
            "score_mql" => Contact().With(Ago(ActivityType.PageView, 0, "/x")),
            "demo" => Contact().With(Ago(ActivityType.DemoRequest, 3)),
            "qualified_status" => Contact() with { SalesStatus = "qualified" },
            "open_deal" => Contact() with { Deals = [new Deal("d1", "proposal", DealOutcome.Open)] },
            "lost_deal" => Contact() with { Deals = [new Deal("d1", "lost", DealOutcome.Lost)] },
            "won_deal" => Contact() with { Deals = [new Deal("d1", "won", DealOutcome.Won)] },
            "won_and_open" => Contact() with { Deals = [new Deal("d1", "open", DealOutcome.Open), new Deal("d2", "won", DealOutcome.Won)] },
            _ => Contact(),
        };

        var decision = settings.Decide(contact);
        Assert.Equal(expected, decision.ComputedStage);
        Assert.Equal(expected, decision.Stage);
    }

    [Theory]
    [InlineData("Working - Contacted", LifecycleStage.Subscriber)]
    [InlineData("Qualified", LifecycleStage.SalesQualifiedLead)]
    [InlineData(" 商談化 ", LifecycleStage.SalesQualifiedLead)]
    [InlineData("", LifecycleStage.Subscriber)]
    public void Compute_SalesStatus_OnlyConfiguredQualifiedValuesGiveSql(string status, LifecycleStage expected) =>
        Assert.Equal(expected, Bare().Decide(Contact() with { SalesStatus = status }).Stage);

    [Fact]
    public void Compute_QualifiedSalesStatusesSetting_ReplacesDefaults()
    {
        var settings = Bare();
        settings.Lifecycle.QualifiedSalesStatuses = ["SAL"];
        Assert.Equal(LifecycleStage.SalesQualifiedLead, settings.Decide(Contact() with { SalesStatus = "sal" }).Stage);
        Assert.Equal(LifecycleStage.Subscriber, settings.Decide(Contact() with { SalesStatus = "Qualified" }).Stage);
    }

    [Fact]
    public void Compute_HighScoreAlone_NeverGivesSql()
    {
        var settings = Bare();
        settings.Scoring.ActivityPoints["page_view"] = 10000;
        Assert.Equal(LifecycleStage.MarketingQualifiedLead, settings.Decide(Contact().With(Ago(ActivityType.PageView, 0, "/"))).Stage);
    }

    [Theory]
    [InlineData(null, LifecycleStage.Lead, LifecycleStage.Lead)]
    [InlineData(LifecycleStage.Customer, LifecycleStage.Lead, LifecycleStage.Customer)]
    [InlineData(LifecycleStage.Lead, LifecycleStage.Customer, LifecycleStage.Customer)]
    [InlineData(LifecycleStage.Evangelist, LifecycleStage.Customer, LifecycleStage.Evangelist)]
    [InlineData(LifecycleStage.SalesQualifiedLead, LifecycleStage.MarketingQualifiedLead, LifecycleStage.SalesQualifiedLead)]
    [InlineData(LifecycleStage.Subscriber, LifecycleStage.Subscriber, LifecycleStage.Subscriber)]
    public void Forward_CurrentAndComputed_FurthestWins(LifecycleStage? current, LifecycleStage computed, LifecycleStage expected) =>
        Assert.Equal(expected, LifecycleRule.Forward(current, computed, keepOther: true));

    [Theory]
    [InlineData(true, LifecycleStage.Other)]
    [InlineData(false, LifecycleStage.MarketingQualifiedLead)]
    public void Move_CurrentOther_KeptOnlyWhenKeepOther(bool keepOther, LifecycleStage expected)
    {
        var settings = Bare();
        settings.Lifecycle.KeepOther = keepOther;
        var contact = Contact().With(Ago(ActivityType.DemoRequest, 1)) with { LifecycleStage = LifecycleStage.Other };
        var decision = settings.Decide(contact);
        Assert.Equal(LifecycleStage.Other, decision.StageBefore);
        Assert.Equal(expected, decision.Stage);
    }

    [Fact]
    public void Move_Property_NeverMovesBackward()
    {
        var stages = Enum.GetValues<LifecycleStage>();
        var gen =
            from current in Gen.Elements(stages.Cast<LifecycleStage?>().Append(null).ToArray())
            from computed in Gen.Elements(stages.Where(s => s.IsOrdered()).ToArray())
            from keepOther in ArbMap.Default.GeneratorFor<bool>()
            select (current, computed, keepOther);

        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var next = LifecycleRule.Forward(t.current, t.computed, t.keepOther);
            var forward = t.current is not { } c || !c.IsOrdered() || (next.IsOrdered() && next >= c);
            var notBehindComputed = next == LifecycleStage.Other || next >= t.computed;
            return forward && notBehindComputed;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decide_Property_StageNeverBehindCurrentWhateverTheActivity()
    {
        var engine = new DecisionEngine(new DecisionSettings());
        var types = Enum.GetValues<ActivityType>();
        var activity =
            from type in Gen.Elements(types)
            from age in Gen.Choose(-5, 400)
            select new Activity(type, AsOf.AddDays(-age), "/pricing");
        var gen =
            from current in Gen.Elements(Enum.GetValues<LifecycleStage>().Where(s => s.IsOrdered()).ToArray())
            from activities in Gen.ListOf(activity)
            from outcome in Gen.Elements<DealOutcome?>(null, DealOutcome.Open, DealOutcome.Won, DealOutcome.Lost)
            select Contact() with
            {
                LifecycleStage = current,
                Activities = [.. activities],
                Deals = outcome is { } o ? [new Deal("d", "s", o)] : [],
            };

        Prop.ForAll(gen.ToArbitrary(), contact =>
            engine.Decide(new DecisionSubject("p", contact), AsOf).Stage >= contact.LifecycleStage!.Value).QuickCheckThrowOnFailure();
    }
}
