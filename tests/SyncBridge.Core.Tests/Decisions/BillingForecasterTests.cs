using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using static SyncBridge.Core.Tests.Decisions.People;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class BillingForecasterTests
{
    [Theory]
    [InlineData("2026-11-22", 1, "2026-12-01")]
    [InlineData("2026-11-22", 25, "2026-11-25")]
    [InlineData("2026-11-25", 25, "2026-12-25")]
    [InlineData("2026-11-24", 25, "2026-11-25")]
    [InlineData("2026-12-31", 15, "2027-01-15")]
    [InlineData("2027-01-31", 31, "2027-02-28")]
    [InlineData("2027-01-30", 30, "2027-02-28")]
    [InlineData("2027-01-29", 29, "2027-02-28")]
    [InlineData("2028-01-31", 31, "2028-02-29")]
    [InlineData("2028-01-29", 29, "2028-02-29")]
    [InlineData("2028-02-29", 31, "2028-03-31")]
    [InlineData("2027-02-28", 31, "2027-03-31")]
    [InlineData("2027-02-28", 30, "2027-03-30")]
    [InlineData("2027-04-30", 31, "2027-05-31")]
    [InlineData("2027-03-31", 31, "2027-04-30")]
    public void NextUpdateDate_MonthlyPlan_NextRenewalDayClampedToMonthEnd(string today, int renewalDay, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            BillingForecaster.NextUpdateDate(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), BillingPlan.Monthly, renewalDay));

    [Theory]
    [InlineData("2026-11-22", "2026-12-01")]
    [InlineData("2026-12-01", "2027-01-01")]
    [InlineData("2026-12-31", "2027-01-01")]
    [InlineData("2028-02-29", "2028-03-01")]
    public void NextUpdateDate_AnnualPlan_FirstOfNextMonthWhateverTheRenewalDay(string today, string expected)
    {
        foreach (var renewalDay in new[] { 1, 15, 31 })
        {
            Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
                BillingForecaster.NextUpdateDate(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), BillingPlan.Annual, renewalDay));
        }
    }

    [Theory]
    [InlineData("2026-11-30T14:59:59Z", "2026-12-01")]
    [InlineData("2026-11-30T15:00:00Z", "2027-01-01")]
    public void Forecast_AsOfNearMidnight_UsesPortalTimeZone(string asOf, string expected)
    {
        var forecaster = new BillingForecaster(new BillingOptions { Plan = BillingPlan.Annual, TimeZone = "Asia/Tokyo" });
        var forecast = forecaster.Forecast([], DateTimeOffset.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), forecast.NextUpdateDate);
    }

    private static PersonDecision D(bool? now, MarketingStatus decided) => new()
    {
        PersonId = Guid.NewGuid().ToString("N"),
        Email = "x@example.co.jp",
        HubSpotMarketable = now,
        Marketing = decided,
    };

    private static List<PersonDecision> Population(int keep, int become, int leave, int stayOut, int unknownBecome = 0) =>
    [
        .. Enumerable.Range(0, keep).Select(_ => D(true, MarketingStatus.Marketing)),
        .. Enumerable.Range(0, become).Select(_ => D(false, MarketingStatus.Marketing)),
        .. Enumerable.Range(0, unknownBecome).Select(_ => D(null, MarketingStatus.Marketing)),
        .. Enumerable.Range(0, leave).Select(_ => D(true, MarketingStatus.NonMarketing)),
        .. Enumerable.Range(0, stayOut).Select(_ => D(false, MarketingStatus.NonMarketing)),
    ];

    [Fact]
    public void Forecast_Counts_FollowHubSpotTiming()
    {
        var options = new BillingOptions { TierLimit = 10, Tiers = [new() { Contacts = 10, MonthlyPrice = 100 }, new() { Contacts = 20, MonthlyPrice = 150 }] };
        var forecast = new BillingForecaster(options).Forecast(Population(keep: 4, become: 3, leave: 2, stayOut: 5, unknownBecome: 1), AsOf);

        Assert.Equal(6, forecast.MarketingNow);
        Assert.Equal(4, forecast.BecomingMarketingNow);
        Assert.Equal(2, forecast.BecomingNonMarketingAtUpdate);
        Assert.Equal(10, forecast.PeakBeforeUpdate);
        Assert.Equal(8, forecast.MarketingAfterUpdate);
        Assert.Equal(forecast.MarketingNow + forecast.BecomingMarketingNow - forecast.BecomingNonMarketingAtUpdate, forecast.MarketingAfterUpdate);
        Assert.False(forecast.OverTier);
        Assert.Equal(100m, forecast.MonthlyCostNow);
        Assert.Equal(100m, forecast.MonthlyCostAfter);
    }

    [Fact]
    public void Forecast_PeakOverTier_FlaggedAndPricedAtNextTier()
    {
        // After the update only 9 stay marketing, but the 3 leaving still count until then: peak 12 > 10.
        var options = new BillingOptions { TierLimit = 10, Tiers = [new() { Contacts = 10, MonthlyPrice = 100 }, new() { Contacts = 20, MonthlyPrice = 150 }] };
        var forecast = new BillingForecaster(options).Forecast(Population(keep: 6, become: 3, leave: 3, stayOut: 0), AsOf);

        Assert.Equal(12, forecast.PeakBeforeUpdate);
        Assert.Equal(9, forecast.MarketingAfterUpdate);
        Assert.True(forecast.OverTier);
        Assert.Equal(10, forecast.TierNow);
        Assert.Equal(20, forecast.TierAfter);
        Assert.Equal(100m, forecast.MonthlyCostNow);
        Assert.Equal(150m, forecast.MonthlyCostAfter);
        Assert.False(forecast.BeyondLargestTier);
    }

    [Fact]
    public void Forecast_FewerMarketingAfterUpdate_SavingIsTheRenewalTierAgainstTodaysBill()
    {
        // 15 marketing now (tier 20, 150/month); after the update only 8 stay: from the renewal the 10 tier (100) covers them.
        var options = new BillingOptions { TierLimit = 5, Tiers = [new() { Contacts = 10, MonthlyPrice = 100 }, new() { Contacts = 20, MonthlyPrice = 150 }] };
        var forecast = new BillingForecaster(options).Forecast(Population(keep: 8, become: 0, leave: 7, stayOut: 3), AsOf);

        Assert.Equal(15, forecast.MarketingNow);
        Assert.Equal(8, forecast.MarketingAfterUpdate);
        Assert.Equal(20, forecast.TierNow);
        Assert.Equal(10, forecast.TierAtRenewal);
        Assert.Equal(150m, forecast.MonthlyCostNow);
        Assert.Equal(100m, forecast.MonthlyCostAtRenewal);
        Assert.Equal(50m, forecast.MonthlySaving);
    }

    [Fact]
    public void Forecast_BeyondLargestTier_Flagged()
    {
        var options = new BillingOptions { TierLimit = 5, Tiers = [new() { Contacts = 5, MonthlyPrice = 100 }] };
        var forecast = new BillingForecaster(options).Forecast(Population(keep: 0, become: 7, leave: 0, stayOut: 0), AsOf);
        Assert.True(forecast.OverTier);
        Assert.True(forecast.BeyondLargestTier);
        Assert.Equal(100m, forecast.MonthlyCostAfter);
    }

    [Fact]
    public void Forecast_ContractedTierAboveUsage_CostIsContractedTier()
    {
        var options = new BillingOptions { TierLimit = 20, Tiers = [new() { Contacts = 10, MonthlyPrice = 100 }, new() { Contacts = 20, MonthlyPrice = 150 }] };
        var forecast = new BillingForecaster(options).Forecast(Population(keep: 2, become: 0, leave: 0, stayOut: 0), AsOf);
        Assert.Equal(20, forecast.TierNow);
        Assert.Equal(150m, forecast.MonthlyCostNow);
        Assert.Equal(150m, forecast.MonthlyCostAfter);
    }

    [Fact]
    public void DecideAll_Forecast_ComesFromContactsHubSpotStatus()
    {
        var settings = Bare();
        settings.Billing.TierLimit = 100;
        var engine = new DecisionEngine(settings);
        var batch = engine.DecideAll(
        [
            new("a", Contact("a@example.co.jp").With(Ago(ActivityType.EmailClick, 1)) with { HubSpotMarketable = false }),
            new("b", Contact("b@example.co.jp") with { HubSpotMarketable = true }),
            new("c", Contact("c@example.co.jp").With(Ago(ActivityType.EmailClick, 1)) with { HubSpotMarketable = true }),
        ], AsOf);

        Assert.Equal(2, batch.Forecast.MarketingNow);
        Assert.Equal(1, batch.Forecast.BecomingMarketingNow);
        Assert.Equal(1, batch.Forecast.BecomingNonMarketingAtUpdate);
        Assert.Equal(2, batch.Forecast.MarketingAfterUpdate);
        Assert.Equal(new DateOnly(2026, 12, 1), batch.Forecast.NextUpdateDate);
    }
}
