using System.Globalization;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>Cross-field rules of <see cref="ScoringOptions"/>; every failure is reported at once, naming the setting.</summary>
internal sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{

    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!(options.HalfLifeDays > 0))
        {
            errors.Add($"HalfLifeDays must be greater than 0 (was {Num(options.HalfLifeDays)}).");
        }

        if (options.MqlThreshold > options.HotThreshold)
        {
            errors.Add($"MqlThreshold ({Num(options.MqlThreshold)}) must not exceed HotThreshold ({Num(options.HotThreshold)}).");
        }

        if (options.ReengagementRecentDays >= options.ReengagementSilenceDays)
        {
            errors.Add($"ReengagementRecentDays ({options.ReengagementRecentDays}) must be less than ReengagementSilenceDays ({options.ReengagementSilenceDays}).");
        }

        CheckKeys(options.SeniorityPoints, "SeniorityPoints", Enum.GetValues<Seniority>().Select(s => s.ToWireName()), errors);
        CheckKeys(options.DepartmentPoints, "DepartmentPoints", Enum.GetValues<Department>().Where(d => d != Department.None).Select(d => d.ToWireName()), errors);
        CheckKeys(options.ActivityPoints, "ActivityPoints", Enum.GetValues<ActivityType>().Select(t => t.ToWireName()), errors);

        var bands = options.EffectiveCompanySizeBands;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].MinEmployees < 0)
            {
                errors.Add($"CompanySizeBands:{i}:MinEmployees must not be negative.");
            }

            if (i > 0 && bands[i].MinEmployees <= bands[i - 1].MinEmployees)
            {
                errors.Add($"CompanySizeBands:{i}:MinEmployees ({bands[i].MinEmployees}) must be greater than the previous band's ({bands[i - 1].MinEmployees}).");
            }
        }

        var rules = options.EffectivePageRules;
        for (var i = 0; i < rules.Count; i++)
        {
            if (!UrlPattern.IsValid(rules[i].Pattern))
            {
                errors.Add($"PageRules:{i}:Pattern ('{rules[i].Pattern}') must start with '/' or '*', e.g. /pricing* or /blog/*.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckKeys(Dictionary<string, double> points, string setting, IEnumerable<string> known, List<string> errors)
    {
        var knownSet = known.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in points.Keys)
        {
            if (!knownSet.Contains(key))
            {
                errors.Add($"{setting}:{key} is not a known value (known: {string.Join(", ", knownSet.Order(StringComparer.Ordinal))}).");
            }
        }
    }

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
