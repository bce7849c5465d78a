using System.Globalization;
using System.Xml.Linq;
using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Tests.Reporting;

public sealed class SvgLineChartTests
{
    private static readonly DateTimeOffset T = ReportModels.Now;

    [Theory]
    [InlineData(0.3, 1)]
    [InlineData(1, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2200, 5000)]
    [InlineData(2000, 2000)]
    [InlineData(31, 50)]
    [InlineData(7.2, 10)]
    public void NiceStep_RawStep_RoundsUpToOneTwoOrFiveTimesAPowerOfTen(double raw, double expected) =>
        Assert.Equal(expected, SvgLineChart.NiceStep(raw));

    [Fact]
    public void YMax_ValuesAndLimit_IsARoundNumberAboveBoth()
    {
        var chart = new SvgLineChart([new ChartPoint(T, 214, false), new ChartPoint(T.AddDays(3), 13, true)], limit: 800);

        Assert.False(chart.LimitAboveChart);
        Assert.Equal(1_000, chart.YMax); // steps of 200 (800 / 5 ticks, rounded up to 1-2-5), the first above 800 × 1.05
        Assert.Equal(SvgLineChart.PlotBottom, chart.Y(0));
        Assert.Equal(SvgLineChart.PlotTop, chart.Y(chart.YMax));
        Assert.Equal(SvgLineChart.PlotLeft, chart.X(chart.XMin));
        Assert.Equal(SvgLineChart.PlotRight, chart.X(chart.XMax), 6);
    }

    [Fact]
    public void Render_LimitFarAboveTheValues_AxisFitsTheValuesAndTheLimitIsNamedAboveThePlot()
    {
        var chart = new SvgLineChart([new ChartPoint(T, 214, false), new ChartPoint(T.AddDays(3), 13, true)], limit: 10_000, limitLabel: "tier limit 10,000");

        var svg = XElement.Parse(chart.Render("c", "t", "d"));

        Assert.True(chart.LimitAboveChart);
        Assert.InRange(chart.YMax, 214, 300);
        Assert.DoesNotContain(svg.Descendants("line"), l => (string?)l.Attribute("class") == "limit");
        var label = Assert.Single(svg.Descendants("text"), t => ((string?)t.Attribute("class"))?.Contains("limit-above", StringComparison.Ordinal) == true);
        Assert.Contains("tier limit 10,000", label.Value, StringComparison.Ordinal);
        Assert.True(double.Parse((string)label.Attribute("y")!, CultureInfo.InvariantCulture) < SvgLineChart.PlotTop);
    }

    [Fact]
    public void Render_SinglePointNoLimit_PadsTimeAndValueAroundIt()
    {
        var chart = new SvgLineChart([new ChartPoint(T, 0, false)]);

        var svg = XElement.Parse(chart.Render("c", "t", "d"));

        Assert.True(chart.XMin < T && chart.XMax > T);
        Assert.True(chart.YMax > 0);
        var point = Assert.Single(svg.Descendants("circle"));
        Assert.Equal(SvgLineChart.PlotBottom, double.Parse((string)point.Attribute("cy")!, CultureInfo.InvariantCulture));
        Assert.DoesNotContain(svg.Descendants("line"), l => (string?)l.Attribute("class") is "limit" or "marker");
    }

    [Fact]
    public void Render_CommaDecimalCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var chart = new SvgLineChart([new ChartPoint(T, 1234.5, false), new ChartPoint(T.AddHours(7), 1500.25, true)], limit: 1333, limitLabel: "tier", marker: T.AddHours(5), markerLabel: "update");

            var svg = XElement.Parse(chart.Render("c", "t", "d"));

            var limit = Assert.Single(svg.Descendants("line"), l => (string?)l.Attribute("class") == "limit");
            Assert.Equal(chart.Y(1333), double.Parse((string)limit.Attribute("y1")!, CultureInfo.InvariantCulture), 2);
            Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName is "x" or "y" or "x1" or "y1" or "cx" or "cy" or "width" && a.Value.Contains(',', StringComparison.Ordinal));
            Assert.Contains(svg.Descendants("text"), t => t.Value == "1,000" || t.Value == "1,500");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Constructor_NoPoints_Throws() => Assert.Throws<ArgumentException>(() => new SvgLineChart([]));
}
