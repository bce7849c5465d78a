namespace SyncBridge.Core.Decisions;

/// <summary>
/// Reason codes of the marketing-contact decision. The bit order is the evaluation order: hard exclusions,
/// reasons to market, dormant, over budget.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Reasons" is the domain word, not a flags suffix.
public enum MarketingReasons
#pragma warning restore CA1711
{
    None = 0,
    NoEmail = 1 << 0,
    InvalidEmail = 1 << 1,
    HardBounce = 1 << 2,
    Unsubscribed = 1 << 3,
    NoConsent = 1 << 4,
    RoleAddress = 1 << 5,
    CompetitorDomain = 1 << 6,
    InternalDomain = 1 << 7,
    Hot = 1 << 8,
    RecentConversion = 1 << 9,
    Engaged = 1 << 10,
    OpenOpportunity = 1 << 11,
    Dormant = 1 << 12,
    OverBudget = 1 << 13,

    Exclusions = NoEmail | InvalidEmail | HardBounce | Unsubscribed | NoConsent | RoleAddress | CompetitorDomain | InternalDomain,
    ToMarket = Hot | RecentConversion | Engaged | OpenOpportunity,
}

public static class MarketingReasonCodes
{
    private static readonly (MarketingReasons Reason, string Code)[] Ordered =
    [
        (MarketingReasons.NoEmail, "no_email"),
        (MarketingReasons.InvalidEmail, "invalid_email"),
        (MarketingReasons.HardBounce, "hard_bounce"),
        (MarketingReasons.Unsubscribed, "unsubscribed"),
        (MarketingReasons.NoConsent, "no_consent"),
        (MarketingReasons.RoleAddress, "role_address"),
        (MarketingReasons.CompetitorDomain, "competitor_domain"),
        (MarketingReasons.InternalDomain, "internal_domain"),
        (MarketingReasons.Hot, "hot"),
        (MarketingReasons.RecentConversion, "recent_conversion"),
        (MarketingReasons.Engaged, "engaged"),
        (MarketingReasons.OpenOpportunity, "open_opportunity"),
        (MarketingReasons.Dormant, "dormant"),
        (MarketingReasons.OverBudget, "over_budget"),
    ];

    /// <summary>The stable code of one reason (e.g. <c>hard_bounce</c>).</summary>
    public static string ToCode(this MarketingReasons reason)
    {
        foreach (var (r, code) in Ordered)
        {
            if (r == reason)
            {
                return code;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a single reason.");
    }

    /// <summary>The codes of every reason set, in evaluation order.</summary>
    public static IReadOnlyList<string> ToCodes(this MarketingReasons reasons)
    {
        var codes = new List<string>(2);
        foreach (var (r, code) in Ordered)
        {
            if ((reasons & r) != 0)
            {
                codes.Add(code);
            }
        }

        return codes;
    }
}
