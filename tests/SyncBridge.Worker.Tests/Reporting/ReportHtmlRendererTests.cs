using System.Globalization;
using System.Xml.Linq;
using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Tests.Reporting;

public sealed class ReportHtmlRendererTests
{
    private static readonly ReportLinks WebLinks = new(id => "/explain/" + Uri.EscapeDataString(id), "30");

    private static string Render(StatusReport report, ReportLinks? links = null) => new ReportHtmlRenderer().Render(report, links ?? ReportLinks.Standalone);

    /// <summary>The document is XHTML-compatible: it parses as XML, which is how these tests read it.</summary>
    private static XDocument Parse(string html) => XDocument.Parse(html);

    private static XElement ById(XDocument doc, string id) => Assert.Single(doc.Descendants(), e => (string?)e.Attribute("id") == id);

    private static bool HasId(XDocument doc, string id) => doc.Descendants().Any(e => (string?)e.Attribute("id") == id);

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static string Text(XDocument doc, string id) => string.Concat(ById(doc, id).DescendantNodes().OfType<XText>().Select(t => t.Value));

    /// <summary>Where a value lands on the forecast chart, computed from the plot area and the axis maximum the chart declares.</summary>
    private static double ExpectedY(XElement chart, double value)
    {
        var plot = Assert.Single(chart.Descendants("rect"), r => (string?)r.Attribute("class") == "plot-area");
        var top = Number(plot, "y");
        var height = Number(plot, "height");
        return top + (height * (1 - (value / Number(chart, "data-y-max"))));
    }

    [Fact]
    public void Render_FullReport_HasEverySectionAndChart()
    {
        var doc = Parse(Render(ReportModels.Full()));

        foreach (var id in new[] { "report-header", "headline", "forecast-chart", "funnel-chart", "reasons-chart", "sources", "queue", "decisions" })
        {
            Assert.True(HasId(doc, id), $"missing #{id}");
        }

        Assert.Equal("svg", ById(doc, "forecast-chart").Name.LocalName);
        Assert.Equal("table", ById(doc, "sources").Name.LocalName);
        Assert.False(HasId(doc, "headline-empty"));
        Assert.False(HasId(doc, "over-tier"));
    }

    [Fact]
    public void Render_Charts_EachSvgParsesOnItsOwnWithATitleForScreenReaders()
    {
        var html = Render(ReportModels.Full());
        var fragments = 0;
        for (var start = html.IndexOf("<svg", StringComparison.Ordinal); start >= 0; start = html.IndexOf("<svg", start + 1, StringComparison.Ordinal))
        {
            var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
            var svg = XElement.Parse(html[start..end]);
            var id = (string)svg.Attribute("id")!;
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.Equal($"{id}-title {id}-desc", (string?)svg.Attribute("aria-labelledby"));
            Assert.False(string.IsNullOrWhiteSpace(svg.Element("title")?.Value));
            fragments++;
        }

        Assert.Equal(3, fragments);
    }

    [Fact]
    public void Render_ForecastChart_TierLineAndMeasuredPointsSitAtTheirScaledValues()
    {
        var report = ReportModels.Full();
        var chart = ById(Parse(Render(report)), "forecast-chart");

        var limit = Assert.Single(chart.Descendants("line"), l => (string?)l.Attribute("class") == "limit");
        Assert.Equal(ExpectedY(chart, report.Latest!.Forecast.TierLimit), Number(limit, "y1"), 2);
        Assert.Equal(Number(limit, "y1"), Number(limit, "y2"));
        Assert.NotNull(limit.Attribute("stroke-dasharray"));
        Assert.Contains("5,000", chart.Descendants("text").Single(t => (string?)t.Attribute("class") == "limit-label").Value, StringComparison.Ordinal);

        var measured = chart.Descendants("circle").Where(c => ((string?)c.Attribute("class"))!.Contains("measured", StringComparison.Ordinal)).ToList();
        Assert.Equal(report.Runs.Select(r => (double)r.Forecast.MarketingNow), measured.Select(c => Number(c, "data-value")));
        Assert.All(measured, c => Assert.Equal(ExpectedY(chart, Number(c, "data-value")), Number(c, "cy"), 2));
        Assert.True(Number(chart, "data-y-max") >= report.Latest.Forecast.TierLimit);
    }

    [Fact]
    public void Render_ForecastChart_DrawsMeasuredSolidAndProjectedDashedWithTheUpdateMarker()
    {
        var report = ReportModels.Full();
        var chart = ById(Parse(Render(report)), "forecast-chart");

        var paths = chart.Descendants("path").ToDictionary(p => (string)p.Attribute("class")!, StringComparer.Ordinal);
        Assert.Null(paths["measured"].Attribute("stroke-dasharray"));
        Assert.NotNull(paths["projected"].Attribute("stroke-dasharray"));
        Assert.NotEqual((string?)paths["measured"].Attribute("stroke"), (string?)paths["projected"].Attribute("stroke"));

        // The projection steps from the latest measured count up to the peak, holds it, then drops to the after-update count.
        var projected = chart.Descendants("circle").Where(c => ((string?)c.Attribute("class"))!.Contains("projected", StringComparison.Ordinal)).Select(c => Number(c, "data-value"));
        var f = report.Latest!.Forecast;
        Assert.Equal([f.PeakBeforeUpdate, f.PeakBeforeUpdate, f.MarketingAfterUpdate], projected);

        var marker = Assert.Single(chart.Descendants("line"), l => (string?)l.Attribute("class") == "marker");
        Assert.Equal(Number(marker, "x1"), Number(marker, "x2"));
        Assert.Contains("2026-12-01", chart.Descendants("text").Single(t => (string?)t.Attribute("class") == "marker-label").Value, StringComparison.Ordinal);
        var peakAtUpdate = chart.Descendants("circle").Where(c => ((string?)c.Attribute("class"))!.Contains("projected", StringComparison.Ordinal)).Last();
        Assert.Equal(Number(marker, "x1"), Number(peakAtUpdate, "cx"), 2);

        var ticks = chart.Descendants("text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value).ToList();
        Assert.Contains("0", ticks);
        Assert.Contains(ticks, t => t.StartsWith("Nov ", StringComparison.Ordinal));
        Assert.Contains(ticks, t => t.StartsWith("Dec ", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Headline_ShowsTheFiguresAndASavingOfCostNowMinusCostFromTheRenewal()
    {
        var report = ReportModels.Full();
        var f = report.Latest!.Forecast;
        var doc = Parse(Render(report));

        var saving = f.MonthlyCostNow - f.MonthlyCostAtRenewal;
        Assert.Contains(saving.ToString("#,0.00", CultureInfo.InvariantCulture) + " USD", Text(doc, "figure-saving"), StringComparison.Ordinal);
        Assert.Contains("1,780 USD → 1,200.50 USD", Text(doc, "figure-cost"), StringComparison.Ordinal); // now → from the renewal (ReportModels)
        Assert.Contains(f.MarketingNow.ToString("#,0", CultureInfo.InvariantCulture), Text(doc, "figure-marketing-now"), StringComparison.Ordinal);
        Assert.Contains(f.PeakBeforeUpdate.ToString("#,0", CultureInfo.InvariantCulture), Text(doc, "figure-marketing-peak"), StringComparison.Ordinal);
        Assert.Contains("After 2026-12-01", Text(doc, "figure-marketing-after"), StringComparison.Ordinal);
        Assert.Contains(f.MarketingAfterUpdate.ToString("#,0", CultureInfo.InvariantCulture), Text(doc, "figure-marketing-after"), StringComparison.Ordinal);
        Assert.Contains("5,000", Text(doc, "figure-persons"), StringComparison.Ordinal);
        Assert.Contains(report.Latest.Hot.ToString(CultureInfo.InvariantCulture), Text(doc, "figure-hot"), StringComparison.Ordinal);
        Assert.Contains("5,000 → 5,000", Text(doc, "figure-tier"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverTier_WarnsInRed()
    {
        var doc = Parse(Render(ReportModels.Full(overTier: true)));

        var warning = ById(doc, "over-tier");
        Assert.Equal("warning", (string?)warning.Attribute("class"));
        Assert.Contains("5,000", warning.Value, StringComparison.Ordinal);
        Assert.Contains("5,000 → 10,000", Text(doc, "figure-tier"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DataWithMarkup_IsEscapedEverywhere()
    {
        var html = Render(ReportModels.Full(), WebLinks);
        var doc = Parse(html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>drop", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        var error = Assert.Single(ById(doc, "sources").Descendants("td"), td => (string?)td.Attribute("class") == "error");
        Assert.Equal(ReportModels.HostileError, error.Value);
        Assert.Contains(ById(doc, "sources").Descendants("td"), td => td.Value == "csv <b>drop</b>");
        var link = Assert.Single(ById(doc, "decisions").Descendants("a"), a => a.Value == ReportModels.HostilePerson);
        Assert.Equal("/explain/" + Uri.EscapeDataString(ReportModels.HostilePerson), (string?)link.Attribute("href"));
    }

    [Fact]
    public void Render_WebLinks_LinksEachPersonToItsTraceAndRefreshes()
    {
        var report = ReportModels.Full();
        var doc = Parse(Render(report, WebLinks));

        var links = ById(doc, "decisions").Descendants("a").Select(a => ((string?)a.Attribute("href"), a.Value)).ToList();
        Assert.Equal(report.RecentDecisions.Select(d => ((string?)("/explain/" + Uri.EscapeDataString(d.PersonId)), d.PersonId)), links);
        var refresh = Assert.Single(doc.Descendants("meta"), m => (string?)m.Attribute("http-equiv") == "refresh");
        Assert.Equal("30", (string?)refresh.Attribute("content"));
    }

    [Fact]
    public void Render_Standalone_HasNoLinkNoRefreshNoScriptAndNoExternalUrl()
    {
        var html = Render(ReportModels.Full());
        var doc = Parse(html);

        Assert.Empty(doc.Descendants("a"));
        Assert.Empty(doc.Descendants("script"));
        Assert.DoesNotContain(doc.Descendants("meta"), m => m.Attribute("http-equiv") is not null);
        foreach (var external in new[] { "http:", "https:", "url(", "src=", "<link", "@import" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(ById(doc, "decisions").Descendants("td"), td => td.Value == "p-1");
    }

    [Fact]
    public void Render_Funnel_ShowsBeforeAndAfterPerStageInLifecycleOrder()
    {
        var report = ReportModels.Full();
        var chart = ById(Parse(Render(report)), "funnel-chart");

        var rows = chart.Elements("g").Where(g => (string?)g.Attribute("class") == "row").ToList();
        Assert.Equal(
            ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other", "none"],
            rows.Select(r => (string)r.Attribute("data-label")!));
        foreach (var row in rows)
        {
            var stage = (string)row.Attribute("data-label")!;
            var bars = row.Elements("rect").ToDictionary(b => (string)b.Attribute("data-series")!, b => (long)Number(b, "data-value"), StringComparer.Ordinal);
            Assert.Equal(report.Latest!.FunnelBefore.GetValueOrDefault(stage), bars["before"]);
            Assert.Equal(report.Latest.FunnelAfter.GetValueOrDefault(stage), bars["after"]);
        }

        // One scale: the longest bar is the largest count, and lengths are proportional.
        var all = rows.SelectMany(r => r.Elements("rect")).ToList();
        var longest = all.MaxBy(b => Number(b, "width"))!;
        Assert.Equal(2400, Number(longest, "data-value"));
        var lead = rows.Single(r => (string?)r.Attribute("data-label") == "subscriber").Elements("rect").First();
        Assert.Equal(Number(longest, "width") * 900 / 2400, Number(lead, "width"), 1);
    }

    [Fact]
    public void Render_Reasons_OneBarPerReasonLargestFirst()
    {
        var report = ReportModels.Full();
        var chart = ById(Parse(Render(report)), "reasons-chart");

        var bars = chart.Descendants("rect").Where(r => (string?)r.Attribute("class") == "bar").Select(r => (long)Number(r, "data-value")).ToList();
        Assert.Equal(report.Latest!.Reasons.Values.Select(v => (long)v).OrderDescending(), bars);
        Assert.Equal(
            report.Latest.Reasons.OrderByDescending(r => r.Value).Select(r => r.Key),
            chart.Elements("g").Where(g => (string?)g.Attribute("class") == "row").Select(g => (string)g.Attribute("data-label")!));
    }

    [Fact]
    public void Render_Tables_ShowSourcesQueueAndDecisions()
    {
        var report = ReportModels.Full();
        var doc = Parse(Render(report));

        var sourceRows = ById(doc, "sources").Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(report.Sources.Select(s => s.Status.Source), sourceRows.Select(r => r.Elements("td").First().Value));
        Assert.Equal("failed", (string?)sourceRows[1].Attribute("class"));
        Assert.Equal(
            ["hubspot-contacts", "2026-11-23 04:57:00 UTC", "3m 0s", "2026-11-23 04:59:00 UTC", "250", "5,250", "40", "-"],
            sourceRows[0].Elements("td").Select(td => td.Value));
        Assert.Equal("2026-11-23 04:58:00 UTC (last success 2026-11-23 00:00:00 UTC)", sourceRows[1].Elements("td").ElementAt(3).Value);
        Assert.Equal("never", sourceRows[2].Elements("td").ElementAt(3).Value);

        var queue = ById(doc, "queue").Descendants("tbody").Single().Elements("tr").Single().Elements("td").Select(td => td.Value);
        Assert.Equal(["embedded", "12", "2", "1m 30s", "3", "40"], queue);

        var decisions = ById(doc, "decisions").Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Equal(["p-1", "marketingqualifiedlead", "marketing", "engaged_recently, hot", "87.5", "hot"], decisions[0].Elements("td").Take(6).Select(td => td.Value));
        Assert.Equal("-", decisions[1].Elements("td").Last().Value);
    }

    [Fact]
    public void Render_EmptyReport_SaysSoInPlainWordsInsteadOfChartsAndTables()
    {
        var doc = Parse(Render(ReportModels.Empty()));

        foreach (var id in new[] { "headline-empty", "forecast-empty", "funnel-empty", "reasons-empty", "sources-empty", "decisions-empty" })
        {
            Assert.False(string.IsNullOrWhiteSpace(ById(doc, id).Value), $"#{id} is blank");
        }

        Assert.Contains("Nothing has been decided yet", ById(doc, "headline-empty").Value, StringComparison.Ordinal);
        Assert.Empty(doc.Descendants("svg"));
        Assert.Empty(doc.Descendants("table"));
        Assert.Contains("IOException: the queue file is locked", ById(doc, "queue-error").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneRunOnly_DrawsTheForecastFromThatRun()
    {
        var run = ReportModels.Run(ReportModels.Now, 1000);
        var report = ReportModels.Empty() with { Latest = run, Runs = [run], Forecast = StatusReportBuilder.ForecastPoints([run]) };

        var chart = ById(Parse(Render(report)), "forecast-chart");

        Assert.Equal(4, chart.Descendants("circle").Count());
        Assert.All(chart.Descendants("circle"), c => Assert.InRange(Number(c, "cx"), SvgLineChart.PlotLeft, SvgLineChart.PlotRight));
        Assert.All(chart.Descendants("circle"), c => Assert.InRange(Number(c, "cy"), SvgLineChart.PlotTop, SvgLineChart.PlotBottom));
    }

    [Fact]
    public void Render_UpdateDateBeforeTheRun_KeepsTheTimeAxisAroundTheRuns()
    {
        var run = ReportModels.Run(ReportModels.Now, 1000) with { Forecast = ReportModels.Forecast(1000) with { NextUpdateDate = default } };
        var report = ReportModels.Empty() with { Latest = run, Runs = [run], Forecast = StatusReportBuilder.ForecastPoints([run]) };

        var chart = ById(Parse(Render(report)), "forecast-chart");

        var marker = Assert.Single(chart.Descendants("line"), l => (string?)l.Attribute("class") == "marker");
        Assert.InRange(Number(marker, "x1"), SvgLineChart.PlotLeft, SvgLineChart.PlotRight);
        Assert.All(chart.Descendants("circle"), c => Assert.InRange(Number(c, "cx"), SvgLineChart.PlotLeft, SvgLineChart.PlotRight));
        var dates = chart.Descendants("g").Single(g => (string?)g.Attribute("class") == "x-axis").Elements("text").Select(t => t.Value).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.StartsWith("Nov ", d, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_QueueFiguresWithACaveat_ShowsTheCaveatUnderTheQueueTable()
    {
        var report = ReportModels.Full() with { Queue = new QueueView(3, 3, null, 0, 0, "servicebus", "Service Bus refused the depth read (401 <Unauthorized>): this process's figures only.") };

        var doc = Parse(Render(report));

        Assert.Equal("Service Bus refused the depth read (401 <Unauthorized>): this process's figures only.", ById(doc, "queue-caveat").Value);
    }

    [Fact]
    public void Render_QueueFiguresWithoutACaveat_HasNoCaveatNote()
    {
        var doc = Parse(Render(ReportModels.Full()));

        Assert.DoesNotContain(doc.Descendants(), e => (string?)e.Attribute("id") == "queue-caveat");
    }
}
