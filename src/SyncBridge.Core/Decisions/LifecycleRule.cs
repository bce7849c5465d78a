using System.Collections.Frozen;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>
/// The computed lifecycle stage and the forward-only move. Sales-qualified comes only from sales statuses
/// configured as qualified; evangelist is never computed (only kept).
/// </summary>
internal sealed class LifecycleRule
{
    private readonly FrozenSet<string> _qualified;
    private readonly string _qualifiedText;
    private readonly double _mqlThreshold;
    private readonly bool _keepOther;

    public LifecycleRule(LifecycleOptions lifecycle, ScoringOptions scoring)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(scoring);
        var statuses = lifecycle.EffectiveQualifiedSalesStatuses;
        _qualified = statuses.Select(s => s.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _qualifiedText = string.Join('|', statuses);
        _mqlThreshold = scoring.MqlThreshold;
        _keepOther = lifecycle.KeepOther;
    }

    public LifecycleStage Compute(CanonicalContact contact, in ScoreCard card, DecisionTrace? trace)
    {
        var won = 0;
        var open = 0;
        var deals = contact.Deals;
        for (var i = 0; i < deals.Count; i++)
        {
            switch (deals[i].Outcome)
            {
                case DealOutcome.Won: won++; break;
                case DealOutcome.Open: open++; break;
            }
        }

        var sql = contact.SalesStatus.Length > 0 && _qualified.Contains(contact.SalesStatus.Trim());
        var mql = card.Hot || card.Score >= _mqlThreshold;
        var lead = card.AnyConversion;

        if (trace is not null)
        {
            trace.Add("lifecycle.customer", won > 0, ("won_deals", DecisionTrace.Num(won)));
            trace.Add("lifecycle.opportunity", open > 0, ("open_deals", DecisionTrace.Num(open)));
            trace.Add("lifecycle.salesqualifiedlead", sql, ("sales_status", contact.SalesStatus), ("qualified_statuses", _qualifiedText));
            trace.Add("lifecycle.marketingqualifiedlead", mql, ("hot", DecisionTrace.Flag(card.Hot)), ("score", DecisionTrace.Num(card.Score)), ("mql_threshold", DecisionTrace.Num(_mqlThreshold)));
            trace.Add("lifecycle.lead", lead, ("any_conversion", DecisionTrace.Flag(lead)));
        }

        return won > 0 ? LifecycleStage.Customer
            : open > 0 ? LifecycleStage.Opportunity
            : sql ? LifecycleStage.SalesQualifiedLead
            : mql ? LifecycleStage.MarketingQualifiedLead
            : lead ? LifecycleStage.Lead
            : LifecycleStage.Subscriber;
    }

    /// <summary>The stage after an automatic move: the furthest of the current and the computed stage.</summary>
    public LifecycleStage Move(LifecycleStage? current, LifecycleStage computed, DecisionTrace? trace)
    {
        var next = Forward(current, computed, _keepOther);
        trace?.Add(
            "lifecycle.forward_only",
            current != next,
            ("current", current?.ToWireName() ?? "none"),
            ("computed", computed.ToWireName()),
            ("keep_other", DecisionTrace.Flag(_keepOther)),
            ("result", next.ToWireName()));
        return next;
    }

    /// <summary>Forward-only: never earlier than <paramref name="current"/>; <c>other</c> is kept when <paramref name="keepOther"/>.</summary>
    public static LifecycleStage Forward(LifecycleStage? current, LifecycleStage computed, bool keepOther)
    {
        if (current is not { } stage)
        {
            return computed;
        }

        if (!stage.IsOrdered())
        {
            return keepOther ? stage : computed;
        }

        if (!computed.IsOrdered())
        {
            return stage;
        }

        return computed > stage ? computed : stage;
    }
}
