using System.Globalization;
using System.Net;
using System.Text;

namespace SyncBridge.Worker.Reporting;

/// <summary>
/// A step line over time drawn as inline SVG on the server: measured points as a solid line with dots, projected ones
/// dashed, an optional horizontal limit (dashed, labelled) and an optional vertical marker (labelled), with value and
/// date ticks. The value axis starts at zero. Numbers are written in the invariant culture; every text is escaped.
/// </summary>
internal sealed class SvgLineChart
{
    public const double Width = 760;
    public const double Height = 320;
    public const double PlotLeft = 70;
    public const double PlotTop = 40;
    public const double PlotRight = Width - 150;
    public const double PlotBottom = Height - 40;

    private const int TargetTicks = 5;
    private const string MeasuredColor = "#1f6feb";
    private const string ProjectedColor = "#8250df";
    private const string LimitColor = "#cf222e";
    private const string MarkerColor = "#57606a";

    private readonly IReadOnlyList<ChartPoint> _points;
    private readonly double? _limit;
    private readonly string _limitLabel;
    private readonly DateTimeOffset? _marker;
    private readonly string _markerLabel;
    private readonly double _yStep;

    public SvgLineChart(IReadOnlyList<ChartPoint> points, double? limit = null, string limitLabel = "", DateTimeOffset? marker = null, string markerLabel = "")
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("A line chart needs at least one point.", nameof(points));
        }

        _points = [.. points.OrderBy(p => p.At)];
        _limit = limit;
        _limitLabel = limitLabel;
        _marker = marker;
        _markerLabel = markerLabel;

        var first = _points[0].At;
        var last = _points[^1].At;
        if (marker is { } m)
        {
            first = m < first ? m : first;
            last = m > last ? m : last;
        }

        var span = last - first;
        if (span < TimeSpan.FromHours(1))
        {
            XMin = first.AddHours(-12);
            XMax = last.AddHours(12);
        }
        else
        {
            XMin = first;
            XMax = last + (span * 0.1);
        }

        // A limit far above every value (a 10,000 tier over 200 contacts) would flatten the line to the floor: the axis
        // then fits the values and the limit is named above the chart instead of drawn.
        var dataTop = _points.Max(p => p.Value);
        LimitAboveChart = limit is { } l && dataTop > 0 && l > dataTop * FarLimitRatio;
        var top = LimitAboveChart ? dataTop : Math.Max(dataTop, limit ?? 0);
        _yStep = NiceStep(Math.Max(top, 1) / TargetTicks);
        YMax = Math.Ceiling(Math.Max(top * 1.05, 1) / _yStep) * _yStep;
    }

    /// <summary>How many times the largest value a limit may be and still be drawn on the value axis.</summary>
    public const double FarLimitRatio = 4;

    /// <summary>True when the limit is more than <see cref="FarLimitRatio"/> times the largest value: it is named above the plot, not drawn.</summary>
    public bool LimitAboveChart { get; }

    /// <summary>The value at the top of the plot (a round number above every value, and above the limit unless <see cref="LimitAboveChart"/>).</summary>
    public double YMax { get; }

    public DateTimeOffset XMin { get; }

    public DateTimeOffset XMax { get; }

    public double X(DateTimeOffset at) => PlotLeft + ((PlotRight - PlotLeft) * ((at - XMin) / (XMax - XMin)));

    public double Y(double value) => PlotBottom - ((PlotBottom - PlotTop) * (value / YMax));

    /// <summary>The whole <c>&lt;svg&gt;</c> element; <paramref name="title"/> and <paramref name="description"/> name it for screen readers.</summary>
    public string Render(string id, string title, string description)
    {
        var svg = new StringBuilder(4096);
        var ci = CultureInfo.InvariantCulture;
        svg.Append(ci, $"<svg id=\"{E(id)}\" class=\"chart\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\" data-y-max=\"{N(YMax)}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.Append(ci, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");
        svg.Append(ci, $"<rect class=\"plot-area\" x=\"{N(PlotLeft)}\" y=\"{N(PlotTop)}\" width=\"{N(PlotRight - PlotLeft)}\" height=\"{N(PlotBottom - PlotTop)}\" fill=\"#f6f8fa\" />");
        AppendValueAxis(svg);
        AppendTimeAxis(svg);
        AppendLegend(svg);
        AppendLimit(svg);
        AppendMarker(svg);
        AppendSeries(svg);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private void AppendValueAxis(StringBuilder svg)
    {
        var ci = CultureInfo.InvariantCulture;
        svg.Append("<g class=\"y-axis\">");
        for (var value = 0.0; value <= YMax + (_yStep / 2); value += _yStep)
        {
            var y = Y(value);
            svg.Append(ci, $"<line x1=\"{N(PlotLeft - 4)}\" y1=\"{N(y)}\" x2=\"{N(PlotRight)}\" y2=\"{N(y)}\" stroke=\"#d0d7de\" stroke-width=\"1\" />");
            svg.Append(ci, $"<text class=\"tick\" x=\"{N(PlotLeft - 8)}\" y=\"{N(y + 4)}\" text-anchor=\"end\" data-value=\"{N(value)}\">{E(ReportFormat.Count((long)Math.Round(value)))}</text>");
        }

        svg.Append("</g>");
    }

    private void AppendTimeAxis(StringBuilder svg)
    {
        var ci = CultureInfo.InvariantCulture;
        var span = XMax - XMin;
        var format = span >= TimeSpan.FromDays(3) ? "MMM d" : "MMM d HH:mm";
        svg.Append(ci, $"<g class=\"x-axis\"><line x1=\"{N(PlotLeft)}\" y1=\"{N(PlotBottom)}\" x2=\"{N(PlotRight)}\" y2=\"{N(PlotBottom)}\" stroke=\"#57606a\" stroke-width=\"1\" />");
        for (var i = 0; i <= TargetTicks - 1; i++)
        {
            var at = XMin + (span * i / (TargetTicks - 1));
            var x = X(at);
            svg.Append(ci, $"<line x1=\"{N(x)}\" y1=\"{N(PlotBottom)}\" x2=\"{N(x)}\" y2=\"{N(PlotBottom + 5)}\" stroke=\"#57606a\" stroke-width=\"1\" />");
            svg.Append(ci, $"<text class=\"tick\" x=\"{N(x)}\" y=\"{N(PlotBottom + 18)}\" text-anchor=\"middle\">{E(at.UtcDateTime.ToString(format, ci))}</text>");
        }

        svg.Append("</g>");
    }

    private static void AppendLegend(StringBuilder svg)
    {
        var ci = CultureInfo.InvariantCulture;
        svg.Append(ci, $"<g class=\"legend\"><line x1=\"{N(PlotLeft)}\" y1=\"16\" x2=\"{N(PlotLeft + 24)}\" y2=\"16\" stroke=\"{MeasuredColor}\" stroke-width=\"2.5\" /><text x=\"{N(PlotLeft + 30)}\" y=\"20\">measured</text>");
        svg.Append(ci, $"<line x1=\"{N(PlotLeft + 110)}\" y1=\"16\" x2=\"{N(PlotLeft + 134)}\" y2=\"16\" stroke=\"{ProjectedColor}\" stroke-width=\"2.5\" stroke-dasharray=\"5 4\" /><text x=\"{N(PlotLeft + 140)}\" y=\"20\">projected</text></g>");
    }

    private void AppendLimit(StringBuilder svg)
    {
        if (_limit is not { } limit)
        {
            return;
        }

        var ci = CultureInfo.InvariantCulture;
        if (LimitAboveChart)
        {
            svg.Append(ci, $"<text class=\"limit-label limit-above\" x=\"{N(PlotLeft)}\" y=\"{N(PlotTop - 6)}\" text-anchor=\"start\" fill=\"{LimitColor}\">↑ {E(_limitLabel)}, far above the chart</text>");
            return;
        }

        var y = Y(limit);
        svg.Append(ci, $"<line class=\"limit\" x1=\"{N(PlotLeft)}\" y1=\"{N(y)}\" x2=\"{N(PlotRight)}\" y2=\"{N(y)}\" stroke=\"{LimitColor}\" stroke-width=\"1.5\" stroke-dasharray=\"8 5\" />");
        svg.Append(ci, $"<text class=\"limit-label\" x=\"{N(PlotRight + 6)}\" y=\"{N(y + 4)}\" fill=\"{LimitColor}\">{E(_limitLabel)}</text>");
    }

    private void AppendMarker(StringBuilder svg)
    {
        if (_marker is not { } marker)
        {
            return;
        }

        var ci = CultureInfo.InvariantCulture;
        var x = X(marker);
        svg.Append(ci, $"<line class=\"marker\" x1=\"{N(x)}\" y1=\"{N(PlotTop)}\" x2=\"{N(x)}\" y2=\"{N(PlotBottom)}\" stroke=\"{MarkerColor}\" stroke-width=\"1\" stroke-dasharray=\"3 3\" />");
        svg.Append(ci, $"<text class=\"marker-label\" x=\"{N(x)}\" y=\"{N(PlotTop - 6)}\" text-anchor=\"middle\" fill=\"{MarkerColor}\">{E(_markerLabel)}</text>");
    }

    private void AppendSeries(StringBuilder svg)
    {
        var measured = _points.Where(p => !p.Projected).ToList();
        var projected = _points.Where(p => p.Projected).ToList();
        if (measured.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"measured\" d=\"{StepPath(measured, extendToEnd: projected.Count == 0)}\" fill=\"none\" stroke=\"{MeasuredColor}\" stroke-width=\"2.5\" />");
        }

        if (projected.Count > 0)
        {
            // The projection continues from the last measured point, and holds its last value to the right edge.
            List<ChartPoint> line = measured.Count > 0 ? [measured[^1], .. projected] : projected;
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"projected\" d=\"{StepPath(line, extendToEnd: true)}\" fill=\"none\" stroke=\"{ProjectedColor}\" stroke-width=\"2.5\" stroke-dasharray=\"7 5\" />");
        }

        foreach (var point in _points)
        {
            var color = point.Projected ? ProjectedColor : MeasuredColor;
            var fill = point.Projected ? "#ffffff" : color;
            var kind = point.Projected ? "projected" : "measured";
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point {kind}\" cx=\"{N(X(point.At))}\" cy=\"{N(Y(point.Value))}\" r=\"3.5\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"1.5\" data-value=\"{N(point.Value)}\"><title>{E($"{ReportFormat.Count((long)Math.Round(point.Value))} ({kind}) at {ReportFormat.Time(point.At)}")}</title></circle>");
        }

        var end = _points[^1];
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"end-label\" x=\"{N(PlotRight + 6)}\" y=\"{N(Y(end.Value) - 6)}\" fill=\"{(end.Projected ? ProjectedColor : MeasuredColor)}\">{E(ReportFormat.Count((long)Math.Round(end.Value)))}</text>");
    }

    /// <summary>A step path: level from each point to the next one's time, then up or down to its value.</summary>
    private string StepPath(List<ChartPoint> points, bool extendToEnd)
    {
        var d = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        d.Append(ci, $"M {N(X(points[0].At))} {N(Y(points[0].Value))}");
        for (var i = 1; i < points.Count; i++)
        {
            d.Append(ci, $" H {N(X(points[i].At))} V {N(Y(points[i].Value))}");
        }

        if (extendToEnd)
        {
            d.Append(ci, $" H {N(PlotRight)}");
        }

        return d.ToString();
    }

    /// <summary>1, 2 or 5 times a power of ten, the smallest at least <paramref name="raw"/>.</summary>
    internal static double NiceStep(double raw)
    {
        if (raw <= 1)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    internal static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
