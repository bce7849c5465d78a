using Microsoft.Extensions.Options;

namespace SyncBridge.Connectors.HubSpot.Configuration;

/// <summary>Rules that span fields of <see cref="HubSpotOptions"/>; reports every failure at once, naming the setting.</summary>
internal sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    private const string Prefix = HubSpotOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!string.Equals(options.ApiGeneration, "2026-09", StringComparison.Ordinal)
            && !string.Equals(options.ApiGeneration, "v3", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Prefix}ApiGeneration must be '2026-09' or 'v3'.");
        }

        if (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Prefix}BaseUrl must be an absolute http(s) URL.");
        }

        var hasToken = !string.IsNullOrWhiteSpace(options.AccessToken);
        if (hasToken && options.OAuth.IsConfigured)
        {
            failures.Add($"{Prefix}AccessToken and {Prefix}OAuth:RefreshToken are both set: configure one way to authenticate.");
        }
        else if (!hasToken && !options.OAuth.IsConfigured)
        {
            failures.Add($"{Prefix}AccessToken (or {Prefix}OAuth:ClientId/ClientSecret/RefreshToken) is required; supply it through environment variables or user secrets.");
        }

        if (options.OAuth.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(options.OAuth.ClientId))
            {
                failures.Add($"{Prefix}OAuth:ClientId is required with OAuth:RefreshToken.");
            }

            if (string.IsNullOrWhiteSpace(options.OAuth.ClientSecret))
            {
                failures.Add($"{Prefix}OAuth:ClientSecret is required with OAuth:RefreshToken.");
            }

            if (!options.OAuth.TokenUrl.IsAbsoluteUri)
            {
                failures.Add($"{Prefix}OAuth:TokenUrl must be an absolute URL.");
            }
        }

        if (!TryFindTimeZone(options.AccountTimeZone))
        {
            failures.Add($"{Prefix}AccountTimeZone '{options.AccountTimeZone}' is not a known time-zone id (e.g. 'Asia/Tokyo', 'UTC').");
        }

        Positive(options.AttemptTimeout, "AttemptTimeout", failures);
        Positive(options.TotalTimeout, "TotalTimeout", failures);
        Positive(options.RetryBaseDelay, "RetryBaseDelay", failures);
        Positive(options.RetryMaxDelay, "RetryMaxDelay", failures);
        Positive(options.RateLimitedDefaultDelay, "RateLimitedDefaultDelay", failures);
        Positive(options.CircuitBreakerSamplingDuration, "CircuitBreakerSamplingDuration", failures);
        Positive(options.CircuitBreakerBreakDuration, "CircuitBreakerBreakDuration", failures);

        // Polly's own bounds, checked here so that a bad value stops the host instead of the first request.
        Between(options.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(24), "AttemptTimeout", failures);
        Between(options.TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(24), "TotalTimeout", failures);
        Between(options.CircuitBreakerSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(24), "CircuitBreakerSamplingDuration", failures);
        Between(options.CircuitBreakerBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(24), "CircuitBreakerBreakDuration", failures);
        Between(options.RetryMaxDelay, TimeSpan.Zero, TimeSpan.FromHours(24), "RetryMaxDelay", failures);

        if (options.TotalTimeout <= options.AttemptTimeout)
        {
            failures.Add($"{Prefix}TotalTimeout must be longer than {Prefix}AttemptTimeout.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{Prefix}RetryMaxDelay must not be shorter than {Prefix}RetryBaseDelay.");
        }

        if (options.OverlapWindow < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}OverlapWindow must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool TryFindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
    }

    private static void Between(TimeSpan value, TimeSpan min, TimeSpan max, string setting, List<string> failures)
    {
        if (value < min || value > max)
        {
            failures.Add($"{Prefix}{setting} must be between {min} and {max}.");
        }
    }

    private static void Positive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{setting} must be positive.");
        }
    }
}
