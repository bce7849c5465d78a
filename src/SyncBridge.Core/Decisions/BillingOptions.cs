using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Decisions;

/// <summary>Settings of section <c>SyncBridge:Decisions:Billing</c>: the contracted tier and the forecast.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "SyncBridge:Decisions:Billing";

    /// <summary>The contracted marketing-contact tier: the budget of the marketing decision and the over-tier line.</summary>
    [Range(1, int.MaxValue)]
    public int TierLimit { get; set; } = 10000;

    /// <summary>Monthly (update on <see cref="RenewalDay"/>) or Annual (update on the 1st).</summary>
    public BillingPlan Plan { get; set; } = BillingPlan.Monthly;

    /// <summary>Day of month of the monthly renewal (1–31; a day past the month's end means its last day).</summary>
    [Range(1, 31)]
    public int RenewalDay { get; set; } = 1;

    /// <summary>The portal's time zone (IANA id), in which update dates fall.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>Currency of the tier prices, for display.</summary>
    [Required]
    public string Currency { get; set; } = "JPY";

    /// <summary>
    /// Tier price list, ascending by contacts and price. Unset: placeholder prices in JPY for 2,000 / 5,000 /
    /// 10,000 / 20,000 / 50,000 contacts — replace them with your contract's figures.
    /// </summary>
    public List<BillingTier>? Tiers { get; set; }

    /// <summary>The tiers in force: <see cref="Tiers"/> or the built-in placeholders.</summary>
    internal IReadOnlyList<BillingTier> EffectiveTiers => Tiers ??
    [
        new() { Contacts = 2000, MonthlyPrice = 120000m },
        new() { Contacts = 5000, MonthlyPrice = 180000m },
        new() { Contacts = 10000, MonthlyPrice = 270000m },
        new() { Contacts = 20000, MonthlyPrice = 420000m },
        new() { Contacts = 50000, MonthlyPrice = 720000m },
    ];
}
