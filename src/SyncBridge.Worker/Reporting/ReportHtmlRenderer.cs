using System.Globalization;
using System.Net;
using System.Text;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Worker.Reporting;

/// <summary>
/// Renders a <see cref="StatusReport"/> as one standalone HTML5 document: inline CSS, charts as inline SVG drawn here,
/// no script and no external URL, so it renders offline and can be mailed. Well-formed as XML too (void elements
/// closed, only XML's own entities), which is how the tests read it. Every text that comes from data is escaped.
/// </summary>
internal sealed class ReportHtmlRenderer
{
    private const string BeforeColor = "#9aa5b1";
    private const string AfterColor = "#1f6feb";
    private const string ReasonColor = "#2da44e";

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service: hosts take it from DI (AddReporting).")]
    public string Render(StatusReport report, ReportLinks links)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(links);
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        if (!string.IsNullOrWhiteSpace(links.RefreshSeconds))
        {
            html.Append(Ci, $"<meta http-equiv=\"refresh\" content=\"{E(links.RefreshSeconds)}\" />\n");
        }

        html.Append(Ci, $"<title>SyncBridge status — {E(ReportFormat.Time(report.GeneratedAt))}</title>\n");
        html.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append(Ci, $"<header id=\"report-header\"><h1>SyncBridge status</h1><p class=\"meta\">Generated at <time datetime=\"{E(report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Ci))}\">{E(ReportFormat.Time(report.GeneratedAt))}</time> from state store <code>{E(report.StateStore)}</code></p></header>\n");

        AppendHeadline(html, report.Latest);
        AppendForecast(html, report);
        AppendFunnel(html, report.Latest);
        AppendReasons(html, report.Latest);
        AppendSources(html, report.Sources);
        AppendQueue(html, report);
        AppendDecisions(html, report.RecentDecisions, links);

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeadline(StringBuilder html, DecisionRunSummary? latest)
    {
        html.Append("<section id=\"headline\"><h2>Marketing contacts and billing</h2>\n");
        if (latest is null)
        {
            html.Append("<p class=\"empty\" id=\"headline-empty\">Nothing has been decided yet: this state store has no decision run. " +
                "Run <code>sync --once</code>, <code>import</code> or <code>demo</code>, and the figures appear here.</p>\n</section>\n");
            return;
        }

        var f = latest.Forecast;
        if (f.OverTier)
        {
            html.Append(Ci, $"<p class=\"warning\" id=\"over-tier\">Over tier: applying this plan takes the marketing-contact count to {Count(f.PeakBeforeUpdate)}, above the contracted tier of {Count(f.TierLimit)}. HubSpot upgrades the tier at once (tier {Count(f.TierNow)} → {Count(f.TierAfter)}).</p>\n");
        }

        if (f.BeyondLargestTier)
        {
            html.Append("<p class=\"warning\" id=\"beyond-largest-tier\">A count is beyond the largest configured tier: the monthly cost shown is a lower bound.</p>\n");
        }

        var saving = f.MonthlySaving;
        var date = ReportFormat.Date(f.NextUpdateDate);
        html.Append("<div class=\"figures\">\n");
        Figure(html, "persons", "Persons", Count(latest.Persons), $"decided {ReportFormat.Time(latest.AsOf)}");
        Figure(html, "marketing-now", "Marketing now", Count(f.MarketingNow), "billed by HubSpot today");
        Figure(html, "marketing-peak", "After apply (peak)", Count(f.PeakBeforeUpdate), $"+{Count(f.BecomingMarketingNow)} become marketing at once");
        Figure(html, "marketing-after", $"After {date}", Count(f.MarketingAfterUpdate), $"−{Count(f.BecomingNonMarketingAtUpdate)} at the next update date");
        Figure(html, "tier-limit", "Tier limit", Count(f.TierLimit), f.OverTier ? "exceeded by the peak" : "contracted");
        Figure(html, "tier", "Tier now → after", $"{Count(f.TierNow)} → {Count(f.TierAfter)}", "contacts billed");
        Figure(html, "cost", "Monthly cost now → from renewal", $"{ReportFormat.Money(f.MonthlyCostNow, f.Currency)} → {ReportFormat.Money(f.MonthlyCostAtRenewal, f.Currency)}", $"tier {Count(f.TierAtRenewal)} covers the count after {date}");
        Figure(html, "saving", "Monthly saving", ReportFormat.Money(saving, f.Currency), saving < 0 ? "the decisions cost more" : "cost now − cost from the renewal", saving < 0 ? "bad" : "good");
        Figure(html, "hot", "Hot leads", Count(latest.Hot), "flagged for sales");
        html.Append("</div>\n</section>\n");
    }

    private static void Figure(StringBuilder html, string id, string label, string value, string note, string tone = "")
    {
        html.Append(Ci, $"<div class=\"figure {tone}\" id=\"figure-{id}\"><div class=\"label\">{E(label)}</div><div class=\"value\">{E(value)}</div><div class=\"note\">{E(note)}</div></div>\n");
    }

    private static void AppendForecast(StringBuilder html, StatusReport report)
    {
        html.Append("<section id=\"forecast\"><h2>Marketing-contact forecast</h2>\n");
        if (report.Latest is not { } latest || report.Forecast.Count == 0)
        {
            html.Append("<p class=\"empty\" id=\"forecast-empty\">No forecast yet: it is drawn from the decision runs, and there are none.</p>\n</section>\n");
            return;
        }

        var f = latest.Forecast;
        // The marker sits where the projection drops (the builder keeps an update date in the past at the latest run).
        var update = report.Forecast.LastOrDefault(p => p.Projected)?.At ?? latest.AsOf;
        var date = ReportFormat.Date(f.NextUpdateDate);
        var chart = new SvgLineChart(
            [.. report.Forecast.Select(p => new ChartPoint(p.At, p.MarketingContacts, p.Projected))],
            f.TierLimit,
            $"tier limit {Count(f.TierLimit)}",
            update,
            $"next update {date}");
        var description = string.Create(Ci,
            $"Marketing contacts measured by {report.Runs.Count} decision run{(report.Runs.Count == 1 ? string.Empty : "s")}, then projected: {Count(f.PeakBeforeUpdate)} once the plan is applied, held until {date}, then {Count(f.MarketingAfterUpdate)}; the contracted tier is {Count(f.TierLimit)}.");
        html.Append("<figure>").Append(chart.Render("forecast-chart", "Marketing contacts over time against the tier limit", description));
        html.Append(Ci, $"<figcaption>{E(description)} Solid: measured. Dashed: projected (marketing counts at once; non-marketing only from the next update date).</figcaption></figure>\n</section>\n");
    }

    private static void AppendFunnel(StringBuilder html, DecisionRunSummary? latest)
    {
        html.Append("<section id=\"funnel\"><h2>Lifecycle funnel</h2>\n");
        if (latest is null)
        {
            html.Append("<p class=\"empty\" id=\"funnel-empty\">No funnel yet: no person has been staged.</p>\n</section>\n");
            return;
        }

        var rows = FunnelRows.Of(latest);
        var chart = new SvgBarChart(
            [new BarSeries("before", BeforeColor), new BarSeries("after", AfterColor)],
            [.. rows.Select(r => new BarRow(r.Stage, [r.Before, r.After]))]);
        var description = "Persons per lifecycle stage before the decision run (what the CRMs had) and after it: " +
            string.Join("; ", rows.Select(r => string.Create(Ci, $"{r.Stage} {Count(r.Before)} → {Count(r.After)}"))) + ".";
        html.Append("<figure>").Append(chart.Render("funnel-chart", "Lifecycle funnel, before and after", description)).Append("</figure>\n</section>\n");
    }

    private static void AppendReasons(StringBuilder html, DecisionRunSummary? latest)
    {
        html.Append("<section id=\"reasons\"><h2>Marketing decision by reason</h2>\n");
        if (latest is null || latest.Reasons.Count == 0)
        {
            html.Append("<p class=\"empty\" id=\"reasons-empty\">No reasons yet: no marketing decision has been made.</p>\n</section>\n");
            return;
        }

        var reasons = latest.Reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var chart = new SvgBarChart([new BarSeries("persons", ReasonColor)], [.. reasons.Select(r => new BarRow(r.Key, [r.Value]))]);
        var description = "Persons per marketing reason code (a person with several reasons counts under each): " +
            string.Join("; ", reasons.Select(r => string.Create(Ci, $"{r.Key} {Count(r.Value)}"))) + ".";
        html.Append("<figure>").Append(chart.Render("reasons-chart", "Persons per marketing reason", description)).Append("</figure>\n</section>\n");
    }

    private static void AppendSources(StringBuilder html, IReadOnlyList<SourceView> sources)
    {
        html.Append("<section id=\"section-sources\"><h2>Sources</h2>\n");
        if (sources.Count == 0)
        {
            html.Append("<p class=\"empty\" id=\"sources-empty\">No source has run yet against this state store.</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"sources\"><thead><tr><th>Source</th><th>Cursor at</th><th>Lag</th><th>Last run</th><th class=\"num\">Records last run</th><th class=\"num\">Total records</th><th class=\"num\">Runs</th><th>Last error</th></tr></thead><tbody>\n");
        foreach (var view in sources)
        {
            var s = view.Status;
            var failed = s.LastError.Length > 0;
            var lastRun = s.LastFinishedAt is { } finished
                ? ReportFormat.Time(finished) + (s.LastSuccessAt is { } ok && ok != finished ? $" (last success {ReportFormat.Time(ok)})" : string.Empty)
                : "never";
            var records = Count(s.LastRecords) + (s.LastRecordErrors > 0 ? $" ({Count(s.LastRecordErrors)} rejected)" : string.Empty);
            html.Append(Ci, $"<tr class=\"{(failed ? "failed" : "ok")}\"><td>{E(s.Source)}</td><td>{E(ReportFormat.Time(s.CursorTimestamp))}</td><td>{E(ReportFormat.Age(view.Lag))}</td><td>{E(lastRun)}</td>");
            html.Append(Ci, $"<td class=\"num\">{E(records)}</td><td class=\"num\">{E(Count(s.TotalRecords))}</td><td class=\"num\">{E(Count(s.Runs))}</td>");
            html.Append(failed ? $"<td class=\"error\">{E(s.LastError)}</td></tr>\n" : "<td>-</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void AppendQueue(StringBuilder html, StatusReport report)
    {
        html.Append("<section id=\"section-queue\"><h2>Update queue</h2>\n");
        if (report.Queue is not { } q)
        {
            html.Append(Ci, $"<p class=\"warning\" id=\"queue-error\">The queue could not be read: {E(report.QueueError.Length > 0 ? report.QueueError : "no reason given")}</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"queue\"><thead><tr><th>Transport</th><th class=\"num\">Depth</th><th class=\"num\">In flight</th><th>Oldest age</th><th class=\"num\">Dead letters</th><th class=\"num\">Outbox pending</th></tr></thead><tbody>\n");
        html.Append(Ci, $"<tr><td>{E(q.Transport)}</td><td class=\"num\">{E(Count(q.Depth))}</td><td class=\"num\">{E(Count(q.InFlight))}</td><td>{E(ReportFormat.Age(q.OldestAge))}</td>");
        html.Append(Ci, $"<td class=\"num{(q.DeadLetters > 0 ? " error" : string.Empty)}\">{E(Count(q.DeadLetters))}</td><td class=\"num\">{E(Count(q.OutboxPending))}</td></tr>\n</tbody></table>\n");
        if (report.QueueError.Length > 0)
        {
            html.Append(Ci, $"<p class=\"note\" id=\"queue-note\">{E(report.QueueError)}</p>\n");
        }

        if (!string.IsNullOrEmpty(q.Caveat))
        {
            html.Append(Ci, $"<p class=\"note\" id=\"queue-caveat\">{E(q.Caveat)}</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendDecisions(StringBuilder html, IReadOnlyList<RecentDecision> decisions, ReportLinks links)
    {
        html.Append("<section id=\"section-decisions\"><h2>Recent decisions</h2>\n");
        if (decisions.Count == 0)
        {
            html.Append("<p class=\"empty\" id=\"decisions-empty\">No decision recorded yet.</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"decisions\"><thead><tr><th>Person</th><th>Stage</th><th>Marketing</th><th>Reasons</th><th class=\"num\">Score</th><th>Hot</th><th>Decided at</th><th>Changed at</th></tr></thead><tbody>\n");
        foreach (var d in decisions)
        {
            var href = links.Explain(d.PersonId);
            var person = href is null ? E(d.PersonId) : $"<a href=\"{E(href)}\">{E(d.PersonId)}</a>";
            html.Append(Ci, $"<tr><td class=\"person\">{person}</td><td>{E(d.Stage)}</td><td>{(d.Marketing ? "marketing" : "non-marketing")}</td><td>{E(string.Join(", ", d.ReasonCodes))}</td>");
            html.Append(Ci, $"<td class=\"num\">{E(ReportFormat.Score(d.Score))}</td><td>{(d.Hot ? "<strong class=\"hot\">hot</strong>" : "-")}</td><td>{E(ReportFormat.Time(d.DecidedAt))}</td><td>{E(ReportFormat.Time(d.ChangedAt))}</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static string Count(long value) => ReportFormat.Count(value);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body { margin: 0; background: #ffffff; color: #1f2328; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
        .meta, .note, figcaption { color: #57606a; }
        figure { margin: 0; }
        figcaption { font-size: 12px; max-width: 760px; }
        svg.chart { max-width: 100%; height: auto; }
        .figures { display: flex; flex-wrap: wrap; gap: 10px; }
        .figure { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; min-width: 150px; }
        .figure .label { color: #57606a; font-size: 12px; }
        .figure .value { font-size: 20px; font-weight: 600; }
        .figure .note { font-size: 11px; }
        .figure.good .value { color: #1a7f37; }
        .figure.bad .value, .warning, .error { color: #cf222e; }
        .warning { font-weight: 600; border: 1px solid #cf222e; background: #ffebe9; border-radius: 6px; padding: 8px 12px; }
        td.error { background: #ffebe9; }
        .empty { color: #57606a; font-style: italic; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { border-bottom: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.failed td:first-child { border-left: 3px solid #cf222e; }
        .hot { color: #bc4c00; }
        code { background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }

        """;
}
