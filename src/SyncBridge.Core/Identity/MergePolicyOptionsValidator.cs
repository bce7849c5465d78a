using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Checks the rules of <see cref="MergePolicyOptions"/>: every rule parses, every source it names is known, every
/// overridden property exists and is configurable. Reports every failure at once, naming the configuration key.
/// </summary>
internal sealed class MergePolicyOptionsValidator : IValidateOptions<MergePolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, MergePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> Check(MergePolicyOptions options)
    {
        var failures = new List<string>();
        const string Section = MergePolicyOptions.SectionName;
        if (!MergeRule.TryParse(options.DefaultRule, out _, out var defaultError))
        {
            failures.Add($"{Section}:{nameof(MergePolicyOptions.DefaultRule)}: {defaultError}.");
        }

        foreach (var (property, text) in options.Properties ?? [])
        {
            var key = $"{Section}:{nameof(MergePolicyOptions.Properties)}:{property}";
            var trimmed = property.Trim();
            if (MergePolicy.FixedProperties.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{key}: '{trimmed}' is merged by a fixed rule (lifecycle stage: furthest stage wins; "
                    + "unsubscribed / hard bounced: true wins; consent: denied beats granted) and cannot be configured.");
                continue;
            }

            if (!MergePolicy.ConfigurableProperties.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{key}: unknown property '{trimmed}'; known properties: "
                    + string.Join(", ", MergePolicy.ConfigurableProperties) + ".");
                continue;
            }

            if (!MergeRule.TryParse(text, out _, out var error))
            {
                failures.Add($"{key}: {error}.");
            }
        }

        return failures;
    }
}
