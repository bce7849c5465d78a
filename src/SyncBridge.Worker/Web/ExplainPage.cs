using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Web;

/// <summary>
/// The explain trace of one person as HTML: stage, score, marketing status and reasons, then every rule evaluated
/// (table <c>trace</c>), whether it fired and the values it saw. The person's email is not shown (the person id is).
/// </summary>
internal static class ExplainPage
{
    public static string Render(PersonDecision decision, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var ci = CultureInfo.InvariantCulture;
        var html = new StringBuilder(4_096);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Explain ")
            .Append(E(decision.PersonId)).Append("</title></head><body>");
        html.Append("<p><a href=\"/\">status</a></p><h1>Person ").Append(E(decision.PersonId)).Append("</h1>");
        html.Append("<table id=\"decision\"><tbody>");
        Row(html, "As of", asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", ci));
        Row(html, "Stage", $"{decision.StageBefore?.ToWireName() ?? "-"} → {decision.Stage.ToWireName()} (computed {decision.ComputedStage.ToWireName()})");
        Row(html, "Score", string.Create(ci, $"{decision.Score:0.##} = fit {decision.FitScore:0.##} + engagement {decision.EngagementScore:0.##}"));
        Row(html, "Hot", decision.Hot ? "yes" : "no");
        Row(html, "Marketing", decision.Marketing.ToWireName() + " (this person alone, before the tier budget)");
        Row(html, "Reasons", string.Join(", ", decision.Reasons.ToCodes()));
        if (!decision.Segments.IsEmpty)
        {
            Row(html, "Segments", string.Join(", ", decision.Segments.Names));
        }

        html.Append("</tbody></table><h2>Rules</h2><table id=\"trace\"><thead><tr><th>Fired</th><th>Rule</th><th>Inputs</th></tr></thead><tbody>");
        foreach (var entry in decision.Trace?.Entries ?? [])
        {
            html.Append("<tr class=\"").Append(entry.Fired ? "fired" : "not-fired").Append("\"><td>").Append(entry.Fired ? "yes" : "no")
                .Append("</td><td>").Append(E(entry.Rule)).Append("</td><td>")
                .Append(E(string.Join("; ", entry.Inputs.Select(i => $"{i.Name}={Hosting.PersonalDataRedactionEnricher.Redact(i.Value) ?? i.Value}"))))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
