using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Worker.Reporting;

/// <summary>One lifecycle stage of the funnel: persons at it before the decision run and after.</summary>
internal sealed record FunnelRow(string Stage, int Before, int After);

/// <summary>
/// The funnel of a decision run in HubSpot's stage order (subscriber … evangelist, other), then <c>none</c> (no stage),
/// then any stage name this build does not know, so no count is ever dropped.
/// </summary>
internal static class FunnelRows
{
    public static IReadOnlyList<string> Order { get; } =
    [
        .. new[]
        {
            LifecycleStage.Subscriber, LifecycleStage.Lead, LifecycleStage.MarketingQualifiedLead, LifecycleStage.SalesQualifiedLead,
            LifecycleStage.Opportunity, LifecycleStage.Customer, LifecycleStage.Evangelist, LifecycleStage.Other,
        }.Select(s => s.ToWireName()),
        DecisionRunSummary.NoStage,
    ];

    public static IReadOnlyList<FunnelRow> Of(DecisionRunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var extra = run.FunnelBefore.Keys.Concat(run.FunnelAfter.Keys)
            .Where(k => !Order.Contains(k, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return [.. Order.Concat(extra).Select(stage => new FunnelRow(stage, Get(run.FunnelBefore, stage), Get(run.FunnelAfter, stage)))];
    }

    private static int Get(IReadOnlyDictionary<string, int> counts, string stage) => counts.TryGetValue(stage, out var n) ? n : 0;
}
