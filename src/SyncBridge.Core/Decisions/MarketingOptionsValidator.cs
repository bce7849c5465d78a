using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Decisions;

/// <summary>Rules of <see cref="MarketingOptions"/>: country codes, role parts and domains well formed.</summary>
internal sealed class MarketingOptionsValidator : IValidateOptions<MarketingOptions>
{

    public ValidateOptionsResult Validate(string? name, MarketingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Each(options.EffectiveConsentRequiredCountries, "ConsentRequiredCountries", c => c.Trim().Length == 2 && c.Trim().All(char.IsAsciiLetter), "a two-letter ISO 3166-1 code", errors);
        Each(options.EffectiveRoleAddressLocalParts, "RoleAddressLocalParts", p => p.Trim().Length > 0 && !p.Contains('@', StringComparison.Ordinal), "a local part without '@'", errors);
        Each(options.EffectiveCompetitorDomains, "CompetitorDomains", IsDomain, "a domain such as rival.co.jp", errors);
        Each(options.EffectiveInternalDomains, "InternalDomains", IsDomain, "a domain such as example.co.jp", errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsDomain(string value)
    {
        var d = value.Trim().TrimStart('@');
        return d.Length > 2 && d.Contains('.', StringComparison.Ordinal) && !d.Contains(' ', StringComparison.Ordinal) && !d.Contains('@', StringComparison.Ordinal);
    }

    private static void Each(IReadOnlyList<string> values, string setting, Func<string, bool> ok, string expected, List<string> errors)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !ok(values[i]))
            {
                errors.Add($"{setting}:{i} ('{values[i]}') must be {expected}.");
            }
        }
    }
}
