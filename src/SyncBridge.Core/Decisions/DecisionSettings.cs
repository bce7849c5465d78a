using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Decisions;

/// <summary>The five sections of <c>SyncBridge:Decisions</c> together: what a <see cref="DecisionEngine"/> is built from.</summary>
public sealed class DecisionSettings
{
    public ScoringOptions Scoring { get; init; } = new();
    public LifecycleOptions Lifecycle { get; init; } = new();
    public MarketingOptions Marketing { get; init; } = new();
    public BillingOptions Billing { get; init; } = new();
    public SegmentsOptions Segments { get; init; } = new();

    /// <summary>
    /// Every problem of every section (data annotations and cross-field rules), each naming its setting; empty
    /// when the settings are usable. The same checks the host runs at start-up.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        Collect(Scoring, ScoringOptions.SectionName, new ScoringOptionsValidator(), failures);
        Collect(Lifecycle, LifecycleOptions.SectionName, new LifecycleOptionsValidator(), failures);
        Collect(Marketing, MarketingOptions.SectionName, new MarketingOptionsValidator(), failures);
        Collect(Billing, BillingOptions.SectionName, new BillingOptionsValidator(), failures);
        Collect(Segments, SegmentsOptions.SectionName, new SegmentsOptionsValidator(), failures);
        return failures;
    }

    private static void Collect<T>(T options, string section, IValidateOptions<T> validator, List<string> failures)
        where T : class
    {
        var annotations = new DataAnnotationValidateOptions<T>(Options.DefaultName).Validate(Options.DefaultName, options);
        if (annotations.Failed)
        {
            failures.AddRange(annotations.Failures.Select(f => $"{section}: {f}"));
        }

        var rules = validator.Validate(Options.DefaultName, options);
        if (rules.Failed)
        {
            failures.AddRange(rules.Failures.Select(f => $"{section}: {f}"));
        }
    }
}
