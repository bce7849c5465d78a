using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Web;

/// <summary>
/// A plain status page (tables <c>sources</c>, <c>queue</c> and <c>decisions</c>, no charts): the stand-in until the
/// report renderer with its SVG charts (<c>ReportHtmlRenderer</c>) is wired in its place.
/// </summary>
internal sealed class PlainStatusPageRenderer : IStatusPageRenderer
{
    public string Render(StatusReport report, Func<string, string?> explainLink)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(explainLink);
        var html = new StringBuilder(8_192);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"refresh\" content=\"").Append(IStatusPageRenderer.RefreshSeconds).Append("\">")
            .Append("<title>SyncBridge status</title></head><body><h1>SyncBridge status</h1>");
        html.Append("<p>Generated ").Append(E(Time(report.GeneratedAt))).Append(" from ").Append(E(report.StateStore)).Append("</p>");

        html.Append("<h2>Sources</h2><table id=\"sources\"><thead><tr><th>Source</th><th>Cursor</th><th>Lag</th><th>Last run</th><th>Records</th><th>Error</th></tr></thead><tbody>");
        foreach (var source in report.Sources)
        {
            var s = source.Status;
            html.Append("<tr><td>").Append(E(s.Source)).Append("</td><td>").Append(E(s.CursorTimestamp is { } c ? Time(c) : "-"))
                .Append("</td><td>").Append(E(source.Lag is { } lag ? lag.ToString("c", CultureInfo.InvariantCulture) : "-"))
                .Append("</td><td>").Append(E(s.LastFinishedAt is { } f ? Time(f) : "-"))
                .Append("</td><td>").Append(s.LastRecords.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(s.LastError)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");

        html.Append("<h2>Queue</h2><table id=\"queue\"><tbody>");
        if (report.Queue is { } q)
        {
            Row(html, "Transport", q.Transport);
            Row(html, "Depth", q.Depth.ToString(CultureInfo.InvariantCulture));
            Row(html, "In flight", q.InFlight.ToString(CultureInfo.InvariantCulture));
            Row(html, "Dead letters", q.DeadLetters.ToString(CultureInfo.InvariantCulture));
            Row(html, "Outbox pending", q.OutboxPending.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Row(html, "Error", report.QueueError);
        }

        html.Append("</tbody></table>");

        html.Append("<h2>Recent decisions</h2><table id=\"decisions\"><thead><tr><th>Person</th><th>Stage</th><th>Marketing</th><th>Reasons</th><th>Score</th><th>Decided</th></tr></thead><tbody>");
        foreach (var d in report.RecentDecisions)
        {
            var link = explainLink(d.PersonId);
            html.Append("<tr><td>");
            if (link is null)
            {
                html.Append(E(d.PersonId));
            }
            else
            {
                html.Append("<a href=\"").Append(E(link)).Append("\">").Append(E(d.PersonId)).Append("</a>");
            }

            html.Append("</td><td>").Append(E(d.Stage)).Append("</td><td>").Append(d.Marketing ? "marketing" : "non-marketing")
                .Append("</td><td>").Append(E(string.Join(", ", d.ReasonCodes)))
                .Append("</td><td>").Append(d.Score.ToString("0.##", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(Time(d.DecidedAt))).Append("</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
