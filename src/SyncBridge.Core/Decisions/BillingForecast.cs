namespace SyncBridge.Core.Decisions;

/// <summary>
/// What the decisions do to HubSpot's marketing-contact count and bill. Marketing takes effect at once;
/// non-marketing only at <see cref="NextUpdateDate"/>, so the count peaks before it.
/// </summary>
public sealed record BillingForecast
{
    /// <summary>Contacts HubSpot counts as marketing now (<c>hs_marketable_status</c> true).</summary>
    public int MarketingNow { get; init; }

    /// <summary>Decided marketing and not marketing now: counted by HubSpot immediately.</summary>
    public int BecomingMarketingNow { get; init; }

    /// <summary>Marketing now and decided non-marketing: they stop counting at <see cref="NextUpdateDate"/>.</summary>
    public int BecomingNonMarketingAtUpdate { get; init; }

    /// <summary>The count between now and the update date: <c>MarketingNow + BecomingMarketingNow</c>.</summary>
    public int PeakBeforeUpdate { get; init; }

    /// <summary>The count after the update date: everyone decided marketing.</summary>
    public int MarketingAfterUpdate { get; init; }

    /// <summary>The next date HubSpot applies non-marketing (renewal day, or the 1st on annual plans), in the portal's time zone.</summary>
    public DateOnly NextUpdateDate { get; init; }

    /// <summary>The contracted tier (<c>Billing:TierLimit</c>).</summary>
    public int TierLimit { get; init; }

    /// <summary>True when the peak goes over the contracted tier: HubSpot upgrades the tier at once (pro-rated).</summary>
    public bool OverTier { get; init; }

    /// <summary>The tier (contacts) the account is billed at now: the smallest covering max(tier limit, marketing now).</summary>
    public int TierNow { get; init; }

    /// <summary>The tier the plan lands in: the smallest covering max(tier limit, peak). Upgrades are not undone automatically.</summary>
    public int TierAfter { get; init; }

    public decimal MonthlyCostNow { get; init; }

    public decimal MonthlyCostAfter { get; init; }

    /// <summary>
    /// The smallest tier covering <see cref="MarketingAfterUpdate"/>: what the account can be billed at from the next
    /// renewal, once non-marketing has taken effect and the contract is sized to the count.
    /// </summary>
    public int TierAtRenewal { get; init; }

    public decimal MonthlyCostAtRenewal { get; init; }

    /// <summary>What the decisions save each month from the renewal on: <see cref="MonthlyCostNow"/> − <see cref="MonthlyCostAtRenewal"/> (negative when they cost more).</summary>
    public decimal MonthlySaving => MonthlyCostNow - MonthlyCostAtRenewal;

    /// <summary>True when a count is beyond the largest configured tier (its price is then a lower bound).</summary>
    public bool BeyondLargestTier { get; init; }

    public string Currency { get; init; } = string.Empty;
}
