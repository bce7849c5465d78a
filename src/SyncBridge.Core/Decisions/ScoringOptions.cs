using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Decisions;

/// <summary>
/// Settings of section <c>SyncBridge:Decisions:Scoring</c>: fit points from attributes, engagement points from
/// activity (decaying with a half-life), and the thresholds that turn a score into hot / MQL.
/// Dictionaries merge with the defaults (set a value to 0 to neutralise it); lists left unset use the built-in
/// defaults and, when set, replace them.
/// </summary>
public sealed class ScoringOptions
{
    public const string SectionName = "SyncBridge:Decisions:Scoring";

    /// <summary>Days after which an engagement point is worth half. Evaluated at the run's as-of instant.</summary>
    [Range(0.1, 3650.0)]
    public double HalfLifeDays { get; set; } = 30;

    /// <summary>Score at or above which a contact is hot (a high-intent action makes it hot whatever its score).</summary>
    [Range(0.0, 100000.0)]
    public double HotThreshold { get; set; } = 80;

    /// <summary>Score at or above which a contact is a marketing-qualified lead. Must not exceed <see cref="HotThreshold"/>.</summary>
    [Range(0.0, 100000.0)]
    public double MqlThreshold { get; set; } = 50;

    /// <summary>A demo request or pricing inquiry within this many days makes a contact hot.</summary>
    [Range(1, 3650)]
    public int HighIntentWindowDays { get; set; } = 30;

    /// <summary>Re-engaged: silent for at least this many days before coming back.</summary>
    [Range(1, 3650)]
    public int ReengagementSilenceDays { get; set; } = 60;

    /// <summary>Re-engaged: came back with an activity within this many days of the as-of instant.</summary>
    [Range(1, 3650)]
    public int ReengagementRecentDays { get; set; } = 7;

    /// <summary>Fit points per seniority (keys: executive, director, manager, individual_contributor).</summary>
    public Dictionary<string, double> SeniorityPoints { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["executive"] = 15,
        ["director"] = 12,
        ["manager"] = 8,
        ["individual_contributor"] = 3,
    };

    /// <summary>Fit points per department (keys: marketing, sales, engineering, it, finance, hr, operations, executive, other).</summary>
    public Dictionary<string, double> DepartmentPoints { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["it"] = 10,
        ["executive"] = 10,
        ["engineering"] = 8,
        ["operations"] = 5,
        ["marketing"] = 5,
        ["sales"] = 3,
    };

    /// <summary>Fit points per ISO 3166-1 alpha-2 country code.</summary>
    public Dictionary<string, double> CountryPoints { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JP"] = 5,
    };

    /// <summary>Fit points per industry, matched on the whole value ignoring case (company-specific; empty by default).</summary>
    public Dictionary<string, double> IndustryPoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Company-size bands, ascending by <see cref="CompanySizeBand.MinEmployees"/>; a company gets the points of the
    /// last band it reaches. Unset: 50+ → 5, 300+ → 10, 1000+ → 15.
    /// </summary>
    public List<CompanySizeBand>? CompanySizeBands { get; set; }

    /// <summary>
    /// Engagement points per activity type (wire names: email_open, email_click, page_view, form_submission,
    /// event_attended, demo_request, pricing_inquiry, unsubscribe, call, visit, …). <c>page_view</c> is used when
    /// no <see cref="PageRules"/> pattern matches. Negative values subtract.
    /// </summary>
    public Dictionary<string, double> ActivityPoints { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email_open"] = 1,
        ["email_click"] = 3,
        ["page_view"] = 1,
        ["form_submission"] = 10,
        ["event_attended"] = 15,
        ["demo_request"] = 30,
        ["pricing_inquiry"] = 25,
        ["unsubscribe"] = -20,
    };

    /// <summary>
    /// Page-view points by URL path pattern (<c>*</c> matches anything, case ignored, query ignored); the first match
    /// wins. Unset: /pricing* 8, /contact* 5, /case-studies* 4, /product* 3, /blog/* 1, /careers* −10, /recruit* −10.
    /// </summary>
    public List<PageRule>? PageRules { get; set; }

    /// <summary>The bands in force: <see cref="CompanySizeBands"/> or the built-in ones.</summary>
    internal IReadOnlyList<CompanySizeBand> EffectiveCompanySizeBands => CompanySizeBands ??
    [
        new() { MinEmployees = 50, Points = 5 },
        new() { MinEmployees = 300, Points = 10 },
        new() { MinEmployees = 1000, Points = 15 },
    ];

    /// <summary>The page rules in force: <see cref="PageRules"/> or the built-in ones.</summary>
    internal IReadOnlyList<PageRule> EffectivePageRules => PageRules ??
    [
        new() { Pattern = "/pricing*", Points = 8 },
        new() { Pattern = "/contact*", Points = 5 },
        new() { Pattern = "/case-studies*", Points = 4 },
        new() { Pattern = "/product*", Points = 3 },
        new() { Pattern = "/blog/*", Points = 1 },
        new() { Pattern = "/careers*", Points = -10 },
        new() { Pattern = "/recruit*", Points = -10 },
    ];
}
