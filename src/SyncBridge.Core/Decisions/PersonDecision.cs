using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>Everything decided for one person at one as-of instant.</summary>
public sealed record PersonDecision
{
    public required string PersonId { get; init; }

    /// <summary>The normalized email, or the original text when it did not normalize, or empty.</summary>
    public required string Email { get; init; }

    /// <summary>The stage the person had before this run (null when none).</summary>
    public LifecycleStage? StageBefore { get; init; }

    /// <summary>The stage after the forward-only move.</summary>
    public LifecycleStage Stage { get; init; }

    /// <summary>The stage computed from this run's data alone (before the forward-only move).</summary>
    public LifecycleStage ComputedStage { get; init; }

    public double FitScore { get; init; }

    public double EngagementScore { get; init; }

    public double Score { get; init; }

    /// <summary>
    /// <see cref="Score"/> as the CRMs receive it: two decimals, invariant, rounded half away from zero, negative zero
    /// as 0.00 — so equal scores always give equal text and the diff sees no change. Null when not finite (or absurdly large).
    /// </summary>
    public string? ScoreText
    {
        get
        {
            if (!double.IsFinite(Score) || Math.Abs(Score) > 1e15)
            {
                return null;
            }

            var rounded = Math.Round((decimal)Score, 2, MidpointRounding.AwayFromZero);
            return (rounded == 0m ? 0m : rounded).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool Hot { get; init; }

    public bool Reengaged { get; init; }

    public MarketingStatus Marketing { get; init; }

    /// <summary>The reasons of <see cref="Marketing"/>; <see cref="MarketingReasonCodes.ToCodes"/> gives the codes in order.</summary>
    public MarketingReasons Reasons { get; init; }

    /// <summary>The reasons that made the person a marketing candidate before the tier budget (kept when over budget).</summary>
    public MarketingReasons CandidateReasons { get; init; }

    public SegmentMembership Segments { get; init; }

    /// <summary>HubSpot's current <c>hs_marketable_status</c> (null when unknown, counted as non-marketing).</summary>
    public bool? HubSpotMarketable { get; init; }

    /// <summary>The rules evaluated, when a trace was asked for; otherwise null.</summary>
    public DecisionTrace? Trace { get; init; }
}
