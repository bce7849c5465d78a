namespace SyncBridge.Core.Decisions;

/// <summary>
/// Keeps at most <c>limit</c> marketing decisions: the highest scores win, ties go to the smaller person id
/// (ordinal), so the outcome does not depend on input order. Excluded people are never candidates.
/// </summary>
internal static class TierBudget
{
    public static int Apply(PersonDecision[] decisions, int limit)
    {
        var candidates = new List<int>();
        for (var i = 0; i < decisions.Length; i++)
        {
            if (decisions[i].Marketing == MarketingStatus.Marketing)
            {
                candidates.Add(i);
            }
        }

        var ranked = candidates.Count > limit;
        if (ranked)
        {
            candidates.Sort((a, b) =>
            {
                var byScore = decisions[b].Score.CompareTo(decisions[a].Score);
                return byScore != 0 ? byScore : string.CompareOrdinal(decisions[a].PersonId, decisions[b].PersonId);
            });
        }

        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var index = candidates[rank];
            var kept = rank < limit;
            var d = decisions[index];
            d.Trace?.Add(
                "marketing.over_budget",
                !kept,
                ("rank", ranked ? DecisionTrace.Num(rank + 1) : "within limit"),
                ("candidates", DecisionTrace.Num(candidates.Count)),
                ("tier_limit", DecisionTrace.Num(limit)),
                ("score", DecisionTrace.Num(d.Score)));
            if (!kept)
            {
                decisions[index] = d with { Marketing = MarketingStatus.NonMarketing, Reasons = MarketingReasons.OverBudget };
            }
        }

        return candidates.Count;
    }
}
