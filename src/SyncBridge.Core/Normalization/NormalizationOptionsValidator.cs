using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Rules of <see cref="NormalizationOptions"/> that data annotations cannot express: the default region must be
/// one libphonenumber can parse for, and the domain lists must hold bare domains. Reports every failure at once.
/// </summary>
internal sealed class NormalizationOptionsValidator : IValidateOptions<NormalizationOptions>
{
    public ValidateOptionsResult Validate(string? name, NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.DefaultRegion) && !PhoneNormalizer.IsSupportedRegion(options.DefaultRegion))
        {
            failures.Add($"{NormalizationOptions.SectionName}:{nameof(NormalizationOptions.DefaultRegion)} '{options.DefaultRegion}' is not a region libphonenumber can parse phone numbers for (e.g. JP, US, GB).");
        }

        CheckDomains(options.FreeMailDomains, nameof(NormalizationOptions.FreeMailDomains), failures);
        CheckDomains(options.DotInsensitiveDomains, nameof(NormalizationOptions.DotInsensitiveDomains), failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDomains(List<string>? domains, string key, List<string> failures)
    {
        if (domains is null)
        {
            failures.Add($"{NormalizationOptions.SectionName}:{key} must be a list (it may be empty).");
            return;
        }

        for (var i = 0; i < domains.Count; i++)
        {
            var domain = domains[i]?.Trim() ?? string.Empty;
            if (domain.Length == 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.Contains('@', StringComparison.Ordinal)
                || domain.Contains("://", StringComparison.Ordinal) || domain.Any(char.IsWhiteSpace))
            {
                failures.Add($"{NormalizationOptions.SectionName}:{key}:{i} '{domains[i]}' must be a bare domain such as example.com.");
            }
        }
    }
}
