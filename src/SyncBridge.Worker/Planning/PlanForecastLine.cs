using System.Globalization;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Planning;

/// <summary>The billing forecast as <c>plan</c> prints it on one line, and the over-tier warning.</summary>
internal static class PlanForecastLine
{
    /// <summary><c>marketing N now → peak P → A after yyyy-MM-dd</c>.</summary>
    public static string Format(BillingForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return string.Create(CultureInfo.InvariantCulture,
            $"marketing {forecast.MarketingNow} now → peak {forecast.PeakBeforeUpdate} → {forecast.MarketingAfterUpdate} after {forecast.NextUpdateDate:yyyy-MM-dd}");
    }

    /// <summary>The warning when the peak is over the contracted tier; null otherwise.</summary>
    public static string? OverTierWarning(BillingForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return forecast.OverTier
            ? string.Create(CultureInfo.InvariantCulture,
                $"WARNING: OVER TIER — the marketing-contact count peaks at {forecast.PeakBeforeUpdate}, above the contracted tier of {forecast.TierLimit}; HubSpot would upgrade the tier at once.")
            : null;
    }
}
