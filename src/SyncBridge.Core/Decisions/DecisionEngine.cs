using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>
/// The decision engine: score, hot, re-engaged, lifecycle move, segments, marketing decision with the tier
/// budget, billing forecast. Pure (no IO, no clock: the as-of instant is passed in), compiled once from
/// <see cref="DecisionSettings"/>, safe to share across threads. The trace is optional and never changes the
/// decision: the same code runs with or without it.
/// </summary>
public sealed class DecisionEngine
{
    private readonly LeadScorer _scorer;
    private readonly LifecycleRule _lifecycle;
    private readonly MarketingPolicy _marketing;
    private readonly BillingForecaster _forecaster;
    private readonly string[] _segmentNames;
    private readonly SegmentNode[] _segments;
    private readonly int _tierLimit;
    private readonly bool _enforceBudget;

    public DecisionEngine(DecisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var failures = settings.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid decision settings: " + string.Join(" ", failures), nameof(settings));
        }

        _scorer = new LeadScorer(settings.Scoring);
        _lifecycle = new LifecycleRule(settings.Lifecycle, settings.Scoring);
        _marketing = new MarketingPolicy(settings.Marketing);
        _forecaster = new BillingForecaster(settings.Billing);
        _tierLimit = settings.Billing.TierLimit;
        _enforceBudget = settings.Marketing.EnforceTierBudget;

        _segmentNames = [.. settings.Segments.Definitions.Keys.Order(StringComparer.Ordinal)];
        _segments = new SegmentNode[_segmentNames.Length];
        var errors = new List<string>();
        for (var i = 0; i < _segmentNames.Length; i++)
        {
            _segments[i] = SegmentCompiler.Compile(settings.Segments.Definitions[_segmentNames[i]], _segmentNames[i], errors)!;
        }
    }

    /// <summary>The configured segment names, in ordinal order.</summary>
    public IReadOnlyList<string> SegmentNames => _segmentNames;

    /// <summary>
    /// Decides one person on its own (no tier budget: that needs the whole population, see <see cref="DecideAll"/>).
    /// </summary>
    public PersonDecision Decide(DecisionSubject subject, DateTimeOffset asOf, bool withTrace = false)
    {
        ArgumentNullException.ThrowIfNull(subject.Contact);
        ArgumentNullException.ThrowIfNull(subject.PersonId);
        var contact = subject.Contact;
        var trace = withTrace ? new DecisionTrace() : null;

        var card = _scorer.Score(contact, asOf, trace);
        var computed = _lifecycle.Compute(contact, card, trace);
        var stage = _lifecycle.Move(contact.LifecycleStage, computed, trace);

        ulong mask = 0;
        if (_segments.Length > 0)
        {
            var context = new SegmentContext(contact, card, stage, asOf.UtcTicks);
            for (var i = 0; i < _segments.Length; i++)
            {
                var member = _segments[i].Matches(context);
                if (member)
                {
                    mask |= 1UL << i;
                }

                trace?.Add("segment." + _segmentNames[i], member);
            }
        }

        var reasons = _marketing.Evaluate(contact, card, asOf, trace);
        var marketing = (reasons & MarketingReasons.ToMarket) != 0 ? MarketingStatus.Marketing : MarketingStatus.NonMarketing;

        return new PersonDecision
        {
            PersonId = subject.PersonId,
            Email = contact.Email.Normalized.Length > 0 ? contact.Email.Normalized : contact.Email.Original,
            StageBefore = contact.LifecycleStage,
            Stage = stage,
            ComputedStage = computed,
            FitScore = card.Fit,
            EngagementScore = card.Engagement,
            Score = card.Score,
            Hot = card.Hot,
            Reengaged = card.Reengaged,
            Marketing = marketing,
            Reasons = reasons,
            CandidateReasons = marketing == MarketingStatus.Marketing ? reasons : MarketingReasons.None,
            Segments = new SegmentMembership(mask, _segmentNames),
            HubSpotMarketable = contact.HubSpotMarketable,
            Trace = trace,
        };
    }

    /// <summary>
    /// Decides a population: every person, then the tier budget, then the billing forecast. Output order is input
    /// order. <paramref name="traceWhen"/> picks the people whose trace is recorded (none when null).
    /// </summary>
    public DecisionBatch DecideAll(IReadOnlyList<DecisionSubject> subjects, DateTimeOffset asOf, Func<DecisionSubject, bool>? traceWhen = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var decisions = new PersonDecision[subjects.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            var subject = subjects[i];
            decisions[i] = Decide(subject, asOf, traceWhen is not null && traceWhen(subject));
        }

        var candidates = _enforceBudget ? TierBudget.Apply(decisions, _tierLimit) : CountCandidates(decisions);
        var forecast = _forecaster.Forecast(decisions, asOf);
        return new DecisionBatch(asOf, decisions, forecast) { Candidates = candidates };
    }

    private static int CountCandidates(PersonDecision[] decisions)
    {
        var count = 0;
        foreach (var d in decisions)
        {
            if (d.Marketing == MarketingStatus.Marketing)
            {
                count++;
            }
        }

        return count;
    }
}
