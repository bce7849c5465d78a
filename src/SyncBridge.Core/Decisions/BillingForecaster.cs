namespace SyncBridge.Core.Decisions;

/// <summary>Turns decisions and the current HubSpot status into the <see cref="BillingForecast"/>.</summary>
internal sealed class BillingForecaster
{
    private readonly BillingOptions _options;
    private readonly BillingTier[] _tiers;
    private readonly TimeZoneInfo _zone;

    public BillingForecaster(BillingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _tiers = [.. options.EffectiveTiers];
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    public BillingForecast Forecast(IReadOnlyList<PersonDecision> decisions, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        int now = 0, becoming = 0, leaving = 0, after = 0;
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            var isNow = d.HubSpotMarketable == true;
            var willBe = d.Marketing == MarketingStatus.Marketing;
            if (isNow)
            {
                now++;
            }

            if (willBe)
            {
                after++;
            }

            if (willBe && !isNow)
            {
                becoming++;
            }

            if (!willBe && isNow)
            {
                leaving++;
            }
        }

        var peak = now + becoming;
        var limit = _options.TierLimit;
        var (tierNow, costNow, beyondNow) = TierFor(Math.Max(limit, now));
        var (tierAfter, costAfter, beyondAfter) = TierFor(Math.Max(limit, peak));
        var (tierAtRenewal, costAtRenewal, beyondAtRenewal) = TierFor(after);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, _zone).DateTime);

        return new BillingForecast
        {
            MarketingNow = now,
            BecomingMarketingNow = becoming,
            BecomingNonMarketingAtUpdate = leaving,
            PeakBeforeUpdate = peak,
            MarketingAfterUpdate = after,
            NextUpdateDate = NextUpdateDate(today, _options.Plan, _options.RenewalDay),
            TierLimit = limit,
            OverTier = peak > limit,
            TierNow = tierNow,
            TierAfter = tierAfter,
            MonthlyCostNow = costNow,
            MonthlyCostAfter = costAfter,
            TierAtRenewal = tierAtRenewal,
            MonthlyCostAtRenewal = costAtRenewal,
            BeyondLargestTier = beyondNow || beyondAfter || beyondAtRenewal,
            Currency = _options.Currency,
        };
    }

    /// <summary>
    /// The first update date strictly after <paramref name="today"/>: the renewal day of this or next month
    /// (clamped to the month's last day, so 31 means Feb 28/29), or the 1st of next month on annual plans.
    /// </summary>
    public static DateOnly NextUpdateDate(DateOnly today, BillingPlan plan, int renewalDay)
    {
        if (plan == BillingPlan.Annual)
        {
            return new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        }

        var thisMonth = OnDay(today.Year, today.Month, renewalDay);
        if (thisMonth > today)
        {
            return thisMonth;
        }

        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return OnDay(next.Year, next.Month, renewalDay);
    }

    private static DateOnly OnDay(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private (int Contacts, decimal Price, bool Beyond) TierFor(int count)
    {
        foreach (var tier in _tiers)
        {
            if (tier.Contacts >= count)
            {
                return (tier.Contacts, tier.MonthlyPrice, false);
            }
        }

        var largest = _tiers[^1];
        return (largest.Contacts, largest.MonthlyPrice, true);
    }
}
