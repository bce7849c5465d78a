using System.Globalization;
using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Demo;

/// <summary>
/// The demo's closing summary: what was read, who it resolved to, how the funnel moved, and what the marketing-contact
/// decisions do to HubSpot's bill. Stable line prefixes, so scripts and tests can read it.
/// </summary>
internal static class DemoSummaryWriter
{
    public static void Write(TextWriter output, DemoResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var w = new Line(output);
        w.Write($"");
        w.Write($"SyncBridge demo: {result.People:N0} synthetic people in the built-in HubSpot and Salesforce simulators, {result.Elapsed.TotalSeconds:0.0} s");
        w.Write($"records read:");
        foreach (var source in result.Sources)
        {
            w.Write($"  {source.Source,-22} {source.Contacts,8:N0}  ({source.Pages:N0} pages, {source.Errors:N0} record errors)");
        }

        foreach (var error in result.SourceErrors)
        {
            w.Write($"  error: {error}");
        }

        w.Write($"people after de-duplication: {result.Persons:N0} (from {result.Records:N0} records)");
        if (result.Decided.Run is not { } run)
        {
            w.Write($"decisions: nothing to decide");
            return;
        }

        w.Write($"merge conflicts: {run.MergeConflicts:N0} (properties on which a person's records disagreed; the merge rules chose a value)");

        w.Write($"lifecycle funnel (persons):  {"before",8} {"after",8}");
        foreach (var row in FunnelRows.Of(run).Where(r => r.Before != 0 || r.After != 0))
        {
            w.Write($"  {row.Stage,-26} {row.Before,8:N0} {row.After,8:N0}");
        }

        w.Write($"hot leads: {run.Hot:N0}");
        var f = run.Forecast;
        w.Write($"marketing contacts: {f.MarketingNow:N0} now -> {f.PeakBeforeUpdate:N0} at once (marketing applies immediately) -> {f.MarketingAfterUpdate:N0} after the next update date {f.NextUpdateDate:yyyy-MM-dd}");
        var overTier = f.OverTier
            ? string.Create(CultureInfo.InvariantCulture, $"; WARNING: the peak {f.PeakBeforeUpdate:N0} is over the contracted tier: HubSpot upgrades at once")
            : string.Empty;
        w.Write($"tier: contracted {f.TierLimit:N0}; billed at {f.TierNow:N0} now ({ReportFormat.Money(f.MonthlyCostNow, f.Currency)}/month); {f.TierAtRenewal:N0} covers the count from the renewal ({ReportFormat.Money(f.MonthlyCostAtRenewal, f.Currency)}/month){overTier}");
        w.Write($"monthly saving: {ReportFormat.Money(f.MonthlySaving, f.Currency)}");
        w.Write($"updates: {result.Updates.Applied:N0} applied to the CRMs ({result.Dispatched:N0} dispatched), {result.Updates.DeadLettered:N0} dead-lettered, {result.RateLimited:N0} rate-limited responses");
    }

    /// <summary>Writes invariant-culture lines.</summary>
    private readonly struct Line(TextWriter output)
    {
        public void Write(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
    }
}
