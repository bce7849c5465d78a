using FsCheck;
using FsCheck.Fluent;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using static SyncBridge.Core.Tests.Decisions.People;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class DecisionEngineTests
{
    [Fact]
    public void Decide_WithTrace_RecordsEveryRuleWithInputs()
    {
        var settings = new DecisionSettings();
        settings.Segments.Definitions["jp"] = new SegmentCondition { Country = ["JP"] };
        var contact = Contact().With(Ago(ActivityType.DemoRequest, 2), Ago(ActivityType.PageView, 3, "https://example.co.jp/pricing"));

        var decision = settings.Decide(contact, trace: true);

        var trace = Assert.IsType<DecisionTrace>(decision.Trace);
        var rules = trace.Entries.Select(e => e.Rule).ToList();
        string[] expected =
        [
            "fit.seniority", "fit.department", "fit.company_size", "fit.industry", "fit.country", "engagement.demo_request",
            "engagement.page_view", "score", "hot.high_intent", "hot.threshold", "reengaged", "lifecycle.customer",
            "lifecycle.opportunity", "lifecycle.salesqualifiedlead", "lifecycle.marketingqualifiedlead", "lifecycle.lead",
            "lifecycle.forward_only", "segment.jp", "marketing.no_email", "marketing.invalid_email", "marketing.hard_bounce",
            "marketing.unsubscribed", "marketing.no_consent", "marketing.role_address", "marketing.competitor_domain",
            "marketing.internal_domain", "marketing.hot", "marketing.recent_conversion", "marketing.engaged",
            "marketing.open_opportunity", "marketing.decision",
        ];
        Assert.Equal(expected, rules);
        var highIntent = trace.Entries.Single(e => e.Rule == "hot.high_intent");
        Assert.True(highIntent.Fired);
        Assert.Contains(new TraceInput("last_high_intent_at", "2026-11-20T00:00:00Z"), highIntent.Inputs);
        var page = trace.Entries.Single(e => e.Rule == "engagement.page_view");
        Assert.Contains(new TraceInput("pattern", "/pricing*"), page.Inputs);
        Assert.Contains(new TraceInput("points", "8"), page.Inputs);
        Assert.False(trace.Entries.Single(e => e.Rule == "marketing.unsubscribed").Fired);
    }

    [Fact]
    public void Decide_WithoutTrace_HasNoTrace() => Assert.Null(new DecisionSettings().Decide(Contact()).Trace);

    [Fact]
    public void Decide_Property_TraceNeverChangesTheDecision()
    {
        var settings = new DecisionSettings();
        settings.Segments.Definitions["hot-it"] = new SegmentCondition { Hot = true, Department = ["it"] };
        settings.Segments.Definitions["pricing"] = new SegmentCondition { ViewedUrl = new SegmentUrlCondition { Pattern = "/pricing*", MinCount = 2 } };
        var engine = new DecisionEngine(settings);
        var activity =
            from type in Gen.Elements(Enum.GetValues<ActivityType>())
            from age in Gen.Choose(-3, 300)
            from url in Gen.Elements("/pricing", "/blog/a", "/careers", "/")
            select new Activity(type, AsOf.AddDays(-age), url);
        var gen =
            from activities in Gen.ListOf(activity)
            from department in Gen.Elements(Enum.GetValues<Department>())
            from seniority in Gen.Elements(Enum.GetValues<Seniority>())
            from bounced in Gen.Elements<bool?>(null, false, true)
            from stage in Gen.Elements<LifecycleStage?>(null, LifecycleStage.Lead, LifecycleStage.Customer, LifecycleStage.Other)
            select Contact() with
            {
                Activities = [.. activities],
                Department = department,
                Seniority = seniority,
                Consent = new Consent { HardBounced = bounced },
                LifecycleStage = stage,
            };

        Prop.ForAll(gen.ToArbitrary(), contact =>
        {
            var subject = new DecisionSubject("p", contact);
            var plain = engine.Decide(subject, AsOf);
            var traced = engine.Decide(subject, AsOf, withTrace: true);
            return traced.Trace is not null && plain == traced with { Trace = null };
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DecideAll_TraceWhen_TracesOnlyChosenPeopleAndRecordsBudget()
    {
        var settings = Bare();
        settings.Billing.TierLimit = 1;
        var engine = new DecisionEngine(settings);
        DecisionSubject[] people =
        [
            new("a", Contact("a@example.co.jp").With(Ago(ActivityType.DemoRequest, 1))),
            new("b", Contact("b@example.co.jp").With(Ago(ActivityType.DemoRequest, 1))),
        ];

        var batch = engine.DecideAll(people, AsOf, s => s.PersonId == "b");

        Assert.Null(batch.Decisions[0].Trace);
        var b = batch.Decisions[1];
        Assert.Equal(["over_budget"], b.Reasons.ToCodes());
        var budget = b.Trace!.Entries.Single(e => e.Rule == "marketing.over_budget");
        Assert.True(budget.Fired);
        Assert.Contains(new TraceInput("rank", "2"), budget.Inputs);
        Assert.Contains(new TraceInput("tier_limit", "1"), budget.Inputs);
    }

    [Fact]
    public void DecideAll_OutputOrder_IsInputOrder()
    {
        var engine = new DecisionEngine(new DecisionSettings());
        var batch = engine.DecideAll([new("z", Contact()), new("a", Contact()), new("m", Contact())], AsOf);
        Assert.Equal(["z", "a", "m"], batch.Decisions.Select(d => d.PersonId));
        Assert.Equal(AsOf, batch.AsOf);
    }
}
