using System.Collections.Frozen;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>
/// Fit + engagement with half-life decay, hot and re-engaged, in one pass over the activities.
/// Compiled once from <see cref="ScoringOptions"/>; thread-safe; allocates nothing unless a trace is asked for.
/// </summary>
internal sealed class LeadScorer
{
    private const int ActivitySlots = 32;
    private const uint EngagementTypes =
        (1u << (int)ActivityType.EmailOpen) | (1u << (int)ActivityType.EmailClick) | (1u << (int)ActivityType.PageView)
        | (1u << (int)ActivityType.FormSubmission) | (1u << (int)ActivityType.EventAttended)
        | (1u << (int)ActivityType.DemoRequest) | (1u << (int)ActivityType.PricingInquiry);

    private readonly double[] _seniority = new double[8];
    private readonly double[] _department = new double[16];
    private readonly FrozenDictionary<string, double> _country;
    private readonly FrozenDictionary<string, double> _industry;
    private readonly int[] _bandMin;
    private readonly double[] _bandPoints;
    private readonly double[] _activityPoints = new double[ActivitySlots];
    private readonly UrlPattern[] _pagePatterns;
    private readonly double[] _pagePoints;
    private readonly double _decayPerTick;
    private readonly double _hotThreshold;
    private readonly long _highIntentTicks;
    private readonly long _silenceTicks;
    private readonly long _recentTicks;

    public LeadScorer(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var s in Enum.GetValues<Seniority>())
        {
            _seniority[(int)s] = options.SeniorityPoints.GetValueOrDefault(s.ToWireName());
        }

        foreach (var d in Enum.GetValues<Department>())
        {
            _department[(int)d] = d == Department.None ? 0 : options.DepartmentPoints.GetValueOrDefault(d.ToWireName());
        }

        _country = options.CountryPoints.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _industry = options.IndustryPoints.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        var bands = options.EffectiveCompanySizeBands;
        _bandMin = new int[bands.Count];
        _bandPoints = new double[bands.Count];
        for (var i = 0; i < bands.Count; i++)
        {
            _bandMin[i] = bands[i].MinEmployees;
            _bandPoints[i] = bands[i].Points;
        }

        foreach (var t in Enum.GetValues<ActivityType>())
        {
            _activityPoints[(int)t] = options.ActivityPoints.GetValueOrDefault(t.ToWireName());
        }

        var rules = options.EffectivePageRules;
        _pagePatterns = new UrlPattern[rules.Count];
        _pagePoints = new double[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            _pagePatterns[i] = UrlPattern.Compile(rules[i].Pattern);
            _pagePoints[i] = rules[i].Points;
        }

        _decayPerTick = Math.Log(2) / (options.HalfLifeDays * TimeSpan.TicksPerDay);
        _hotThreshold = options.HotThreshold;
        _highIntentTicks = TimeSpan.FromDays(options.HighIntentWindowDays).Ticks;
        _silenceTicks = TimeSpan.FromDays(options.ReengagementSilenceDays).Ticks;
        _recentTicks = TimeSpan.FromDays(options.ReengagementRecentDays).Ticks;
    }

    /// <summary>Whether an activity is the person engaging (opens, clicks, page views, conversions), not the company reaching out.</summary>
    public static bool IsEngagement(ActivityType type) => (int)type < ActivitySlots && (EngagementTypes & (1u << (int)type)) != 0;

    public ScoreCard Score(CanonicalContact contact, DateTimeOffset asOf, DecisionTrace? trace)
    {
        var fit = Fit(contact, trace);

        var asOfTicks = asOf.UtcTicks;
        var reengageWindowStart = asOfTicks - _recentTicks;
        double engagement = 0;
        long lastEngagement = long.MinValue;
        long lastConversion = long.MinValue;
        long lastHighIntent = long.MinValue;
        long lastBeforeWindow = long.MinValue;
        long firstInWindow = long.MaxValue;
        var anyConversion = false;

        var activities = contact.Activities;
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            var t = a.OccurredAt.UtcTicks;
            if (t > asOfTicks)
            {
                trace?.Add("engagement." + a.Type.ToWireName(), false, ("occurred_at", DecisionTrace.Time(a.OccurredAt)), ("ignored", "after as-of"));
                continue;
            }

            var type = a.Type;
            var basePoints = (int)type < ActivitySlots ? _activityPoints[(int)type] : 0;
            var matched = -1;
            if (type == ActivityType.PageView && a.Detail.Length > 0)
            {
                var path = UrlPattern.PathOf(a.Detail);
                for (var p = 0; p < _pagePatterns.Length; p++)
                {
                    if (_pagePatterns[p].IsMatchPath(path))
                    {
                        basePoints = _pagePoints[p];
                        matched = p;
                        break;
                    }
                }
            }

            if (basePoints != 0)
            {
                var decayed = basePoints * Math.Exp(-(asOfTicks - t) * _decayPerTick);
                engagement += decayed;
                trace?.Add(
                    "engagement." + type.ToWireName(),
                    true,
                    ("occurred_at", DecisionTrace.Time(a.OccurredAt)),
                    ("detail", a.Detail),
                    ("pattern", matched >= 0 ? _pagePatterns[matched].Text : "none"),
                    ("points", DecisionTrace.Num(basePoints)),
                    ("age_days", DecisionTrace.Num((asOfTicks - t) / (double)TimeSpan.TicksPerDay)),
                    ("decayed_points", DecisionTrace.Num(decayed)));
            }
            else
            {
                trace?.Add("engagement." + type.ToWireName(), false, ("occurred_at", DecisionTrace.Time(a.OccurredAt)), ("detail", a.Detail), ("points", "0"));
            }

            if (!IsEngagement(type))
            {
                continue;
            }

            if (t > lastEngagement)
            {
                lastEngagement = t;
            }

            if (a.IsConversion)
            {
                anyConversion = true;
                if (t > lastConversion)
                {
                    lastConversion = t;
                }
            }

            if (type is ActivityType.DemoRequest or ActivityType.PricingInquiry && t > lastHighIntent)
            {
                lastHighIntent = t;
            }

            if (t < reengageWindowStart)
            {
                if (t > lastBeforeWindow)
                {
                    lastBeforeWindow = t;
                }
            }
            else if (t < firstInWindow)
            {
                firstInWindow = t;
            }
        }

        engagement = Math.Round(engagement, 2);
        var score = Math.Round(fit + engagement, 2);

        var highIntent = lastHighIntent != long.MinValue && asOfTicks - lastHighIntent <= _highIntentTicks;
        var overThreshold = score >= _hotThreshold;
        var reengaged = firstInWindow != long.MaxValue && lastBeforeWindow != long.MinValue
            && firstInWindow - lastBeforeWindow >= _silenceTicks;

        if (trace is not null)
        {
            trace.Add("score", true, ("fit", DecisionTrace.Num(fit)), ("engagement", DecisionTrace.Num(engagement)), ("score", DecisionTrace.Num(score)));
            trace.Add("hot.high_intent", highIntent, ("last_high_intent_at", TimeOrNone(lastHighIntent)), ("window_days", DecisionTrace.Num(_highIntentTicks / TimeSpan.TicksPerDay)));
            trace.Add("hot.threshold", overThreshold, ("score", DecisionTrace.Num(score)), ("hot_threshold", DecisionTrace.Num(_hotThreshold)));
            trace.Add(
                "reengaged",
                reengaged,
                ("last_activity_before_window", TimeOrNone(lastBeforeWindow)),
                ("first_activity_in_window", firstInWindow == long.MaxValue ? "none" : TimeOrNone(firstInWindow)),
                ("silence_days", DecisionTrace.Num(_silenceTicks / TimeSpan.TicksPerDay)),
                ("recent_days", DecisionTrace.Num(_recentTicks / TimeSpan.TicksPerDay)));
        }

        return new ScoreCard
        {
            Fit = fit,
            Engagement = engagement,
            Score = score,
            HighIntent = highIntent,
            Hot = highIntent || overThreshold,
            Reengaged = reengaged,
            LastEngagementAt = ToTime(lastEngagement),
            LastConversionAt = ToTime(lastConversion),
            AnyConversion = anyConversion,
        };
    }

    private double Fit(CanonicalContact contact, DecisionTrace? trace)
    {
        var seniority = (int)contact.Seniority < _seniority.Length ? _seniority[(int)contact.Seniority] : 0;
        var department = (int)contact.Department < _department.Length ? _department[(int)contact.Department] : 0;
        var country = contact.CountryCode.Length > 0 ? _country.GetValueOrDefault(contact.CountryCode) : 0;
        var industry = contact.Company.Industry.Length > 0 ? _industry.GetValueOrDefault(contact.Company.Industry) : 0;
        double size = 0;
        if (contact.Company.EmployeeCount is { } employees)
        {
            for (var i = 0; i < _bandMin.Length && _bandMin[i] <= employees; i++)
            {
                size = _bandPoints[i];
            }
        }

        var fit = Math.Round(seniority + department + country + industry + size, 2);
        if (trace is not null)
        {
            trace.Add("fit.seniority", seniority != 0, ("seniority", contact.Seniority.ToWireName()), ("points", DecisionTrace.Num(seniority)));
            trace.Add("fit.department", department != 0, ("department", contact.Department.ToWireName()), ("points", DecisionTrace.Num(department)));
            trace.Add("fit.company_size", size != 0, ("employee_count", contact.Company.EmployeeCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"), ("points", DecisionTrace.Num(size)));
            trace.Add("fit.industry", industry != 0, ("industry", contact.Company.Industry), ("points", DecisionTrace.Num(industry)));
            trace.Add("fit.country", country != 0, ("country", contact.CountryCode), ("points", DecisionTrace.Num(country)));
        }

        return fit;
    }

    private static DateTimeOffset? ToTime(long ticks) =>
        ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private static string TimeOrNone(long ticks) => DecisionTrace.Time(ToTime(ticks));
}
