using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>The merge rule of every configurable property: a default plus per-property overrides.</summary>
public sealed class MergePolicy
{
    /// <summary>Properties merged by fixed domain rules, not by a configurable rule.</summary>
    public static readonly IReadOnlyList<string> FixedProperties =
    [
        ContactProperties.LifecycleStage, ContactProperties.UnsubscribedFromAll, ContactProperties.HardBounced,
        ContactProperties.ConsentState,
    ];

    /// <summary>Properties whose rule can be configured.</summary>
    public static readonly IReadOnlyList<string> ConfigurableProperties =
        [.. ContactProperties.All.Where(p => !FixedProperties.Contains(p, StringComparer.Ordinal))];

    private readonly Dictionary<string, MergeRule> _overrides;

    public MergePolicy(MergeRule defaultRule, IReadOnlyDictionary<string, MergeRule>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(defaultRule);
        Default = defaultRule;
        _overrides = new Dictionary<string, MergeRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (property, rule) in overrides ?? new Dictionary<string, MergeRule>())
        {
            if (!ConfigurableProperties.Contains(property, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{property}' is not a configurable merge property.", nameof(overrides));
            }

            _overrides[property] = rule ?? throw new ArgumentException($"The rule of '{property}' is null.", nameof(overrides));
        }
    }

    public MergeRule Default { get; }

    /// <summary>The rule of <paramref name="property"/> (the override, else the default).</summary>
    public MergeRule RuleFor(string property) => _overrides.TryGetValue(property, out var rule) ? rule : Default;

    /// <summary>False for a property under <see cref="MergeRuleKind.DontSync"/>: its merged value must not be written to other systems.</summary>
    public bool IsSynced(string property) => RuleFor(property).Kind != MergeRuleKind.DontSync;

    /// <summary>Builds the policy from validated options (see <see cref="MergePolicyOptionsValidator"/>).</summary>
    public static MergePolicy FromOptions(MergePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = MergePolicyOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", failures), nameof(options));
        }

        _ = MergeRule.TryParse(options.DefaultRule, out var defaultRule, out _);
        var overrides = new Dictionary<string, MergeRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (property, text) in options.Properties)
        {
            _ = MergeRule.TryParse(text, out var rule, out _);
            overrides[property.Trim()] = rule!;
        }

        return new MergePolicy(defaultRule!, overrides);
    }
}
