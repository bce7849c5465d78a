using System.Globalization;
using System.Xml.Linq;
using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Tests.Reporting;

public sealed class SvgBarChartTests
{
    private static double Width(XElement bar) => double.Parse((string)bar.Attribute("width")!, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_TwoSeries_BarLengthsProportionalToOneSharedMaximum()
    {
        var chart = new SvgBarChart([new BarSeries("before", "#999"), new BarSeries("after", "#00f")], [new BarRow("lead", [50, 200]), new BarRow("customer", [100, 0])]);

        var bars = XElement.Parse(chart.Render("f", "t", "d")).Descendants("rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();

        Assert.Equal(200, chart.Max);
        Assert.Equal([50, 200, 100, 0], bars.Select(b => long.Parse((string)b.Attribute("data-value")!, CultureInfo.InvariantCulture)));
        Assert.Equal(SvgBarChart.BarArea, Width(bars[1]));
        Assert.Equal(SvgBarChart.BarArea / 4, Width(bars[0]));
        Assert.Equal(SvgBarChart.BarArea / 2, Width(bars[2]));
        Assert.Equal(0, Width(bars[3]));
    }

    [Fact]
    public void Render_AllZero_DrawsEmptyBarsWithoutDividingByZero()
    {
        var chart = new SvgBarChart([new BarSeries("persons", "#0a0")], [new BarRow("dormant", [0])]);

        var svg = XElement.Parse(chart.Render("r", "t", "d"));

        Assert.Equal(0, Width(svg.Descendants("rect").Single()));
        Assert.Contains(svg.Descendants("text"), t => t.Value == "0");
    }

    [Fact]
    public void Constructor_RowWithWrongValueCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new SvgBarChart([new BarSeries("a", "#000"), new BarSeries("b", "#111")], [new BarRow("x", [1])]));
}
