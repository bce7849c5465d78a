using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Reporting;

/// <summary>Counts a <see cref="DecisionBatch"/> into a <see cref="DecisionRunSummary"/>.</summary>
public static class DecisionRunSummarizer
{
    public static DecisionRunSummary Summarize(DecisionBatch batch, int updatesQueued)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var before = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int marketing = 0, hot = 0;
        foreach (var decision in batch.Decisions)
        {
            Add(before, decision.StageBefore is { } stageBefore ? stageBefore.ToWireName() : DecisionRunSummary.NoStage);
            Add(after, decision.Stage.ToWireName());
            foreach (var code in decision.Reasons.ToCodes())
            {
                Add(reasons, code);
            }

            if (decision.Marketing == MarketingStatus.Marketing)
            {
                marketing++;
            }

            if (decision.Hot)
            {
                hot++;
            }
        }

        return new DecisionRunSummary
        {
            AsOf = batch.AsOf,
            Persons = batch.Decisions.Count,
            Marketing = marketing,
            Hot = hot,
            Candidates = batch.Candidates,
            UpdatesQueued = updatesQueued,
            FunnelBefore = before,
            FunnelAfter = after,
            Reasons = reasons,
            Forecast = batch.Forecast,
        };
    }

    private static void Add(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
