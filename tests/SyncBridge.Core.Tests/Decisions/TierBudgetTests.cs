using FsCheck;
using FsCheck.Fluent;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using static SyncBridge.Core.Tests.Decisions.People;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class TierBudgetTests
{
    private static DecisionSettings Settings(int limit)
    {
        var s = Bare();
        s.Billing.TierLimit = limit;
        s.Scoring.ActivityPoints["email_click"] = 1;
        return s;
    }

    /// <summary>An engaged person whose score is <paramref name="clicks"/> (clicks today, 1 point each).</summary>
    private static DecisionSubject Person(string id, int clicks, string email = "") =>
        new(id, Contact(email.Length == 0 ? id + "@example.co.jp" : email)
            .With([.. Enumerable.Range(0, Math.Max(clicks, 1)).Select(_ => Ago(ActivityType.EmailClick, 0))]));

    [Fact]
    public void DecideAll_CandidatesOverLimit_KeepsHighestScores()
    {
        var engine = new DecisionEngine(Settings(2));
        var batch = engine.DecideAll([Person("a", 1), Person("b", 5), Person("c", 3), Person("d", 4)], AsOf);

        Assert.Equal(["b", "d"], batch.Decisions.Where(d => d.Marketing == MarketingStatus.Marketing).Select(d => d.PersonId).Order());
        var over = batch.Decisions.Where(d => d.Marketing == MarketingStatus.NonMarketing).ToList();
        Assert.Equal(["a", "c"], over.Select(d => d.PersonId).Order());
        Assert.All(over, d => Assert.Equal(["over_budget"], d.Reasons.ToCodes()));
        Assert.All(over, d => Assert.True(d.CandidateReasons.HasFlag(MarketingReasons.Engaged)));
        Assert.Equal(4, batch.Candidates);
    }

    [Fact]
    public void DecideAll_TiedScores_BrokenByPersonIdWhateverTheOrder()
    {
        var engine = new DecisionEngine(Settings(2));
        DecisionSubject[] people = [Person("p3", 2), Person("p1", 2), Person("p2", 2)];
        var forward = engine.DecideAll(people, AsOf);
        var backward = engine.DecideAll([.. people.Reverse()], AsOf);

        string[] Kept(DecisionBatch b) => [.. b.Decisions.Where(d => d.Marketing == MarketingStatus.Marketing).Select(d => d.PersonId).Order()];
        Assert.Equal(["p1", "p2"], Kept(forward));
        Assert.Equal(Kept(forward), Kept(backward));
    }

    [Fact]
    public void DecideAll_ExcludedPeople_NeverCountAgainstBudget()
    {
        var engine = new DecisionEngine(Settings(1));
        var batch = engine.DecideAll([Person("role", 50, "info@example.co.jp"), Person("x", 1)], AsOf);

        Assert.Equal(MarketingStatus.Marketing, batch.Decisions.Single(d => d.PersonId == "x").Marketing);
        Assert.Equal(["role_address"], batch.Decisions.Single(d => d.PersonId == "role").Reasons.ToCodes());
        Assert.Equal(1, batch.Candidates);
    }

    [Fact]
    public void DecideAll_BudgetSwitchedOff_KeepsEveryCandidate()
    {
        var settings = Settings(1);
        settings.Marketing.EnforceTierBudget = false;
        var batch = new DecisionEngine(settings).DecideAll([Person("a", 1), Person("b", 2)], AsOf);
        Assert.All(batch.Decisions, d => Assert.Equal(MarketingStatus.Marketing, d.Marketing));
        Assert.True(batch.Forecast.OverTier);
    }

    [Fact]
    public void DecideAll_Property_BudgetNeverExceedsTierLimit()
    {
        var gen =
            from limit in Gen.Choose(1, 30)
            from people in Gen.ListOf(
                from clicks in Gen.Choose(0, 6)
                from excluded in Gen.Elements(false, false, true)
                from id in Gen.Choose(0, 50)
                select (clicks, excluded, id))
            select (limit, people);

        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var engine = new DecisionEngine(Settings(t.limit));
            var subjects = t.people.Select((p, i) =>
            {
                var s = Person($"p{p.id:00}-{i}", p.clicks);
                return p.excluded ? s with { Contact = s.Contact with { Consent = new Consent { HardBounced = true } } } : s;
            }).ToList();
            var batch = engine.DecideAll(subjects, AsOf);
            var marketing = batch.Decisions.Where(d => d.Marketing == MarketingStatus.Marketing).ToList();
            var eligible = t.people.Count(p => !p.excluded);
            var minKept = marketing.Count == 0 ? double.PositiveInfinity : marketing.Min(d => d.Score);
            var maxDropped = batch.Decisions.Where(d => d.Reasons == MarketingReasons.OverBudget).Select(d => d.Score).DefaultIfEmpty(double.NegativeInfinity).Max();
            return marketing.Count <= t.limit
                && marketing.Count == Math.Min(t.limit, eligible)
                && maxDropped <= minKept
                && batch.Decisions.Count(d => d.Reasons == MarketingReasons.HardBounce) == t.people.Count(p => p.excluded);
        }).QuickCheckThrowOnFailure();
    }
}
