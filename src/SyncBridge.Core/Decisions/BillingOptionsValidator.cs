using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Decisions;

/// <summary>Rules of <see cref="BillingOptions"/>: tiers ascending in contacts and price, a known time zone.</summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{

    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var tiers = options.EffectiveTiers;
        if (tiers.Count == 0)
        {
            errors.Add($"Tiers needs at least one tier.");
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].Contacts < 1)
            {
                errors.Add($"Tiers:{i}:Contacts must be at least 1.");
            }

            if (tiers[i].MonthlyPrice < 0)
            {
                errors.Add($"Tiers:{i}:MonthlyPrice must not be negative.");
            }

            if (i > 0 && tiers[i].Contacts <= tiers[i - 1].Contacts)
            {
                errors.Add($"Tiers:{i}:Contacts ({tiers[i].Contacts}) must be greater than the previous tier's ({tiers[i - 1].Contacts}).");
            }

            if (i > 0 && tiers[i].MonthlyPrice < tiers[i - 1].MonthlyPrice)
            {
                errors.Add($"Tiers:{i}:MonthlyPrice ({tiers[i].MonthlyPrice}) must not be lower than the previous tier's ({tiers[i - 1].MonthlyPrice}).");
            }
        }

        if (options.RenewalDay is < 1 or > 31)
        {
            errors.Add($"RenewalDay ({options.RenewalDay}) must be between 1 and 31.");
        }

        if (!Enum.IsDefined(options.Plan))
        {
            errors.Add($"Plan must be Monthly or Annual.");
        }

        if (string.IsNullOrWhiteSpace(options.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            errors.Add($"TimeZone ('{options.TimeZone}') is not a known time zone id (e.g. Asia/Tokyo).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
