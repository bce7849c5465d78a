using System.Globalization;
using System.Net;
using System.Text;

namespace SyncBridge.Worker.Reporting;

/// <summary>
/// Horizontal bars drawn as inline SVG on the server: one row per label, one bar per series in each row (side by
/// side, e.g. before and after), each with its count at its end. Bars share one scale from zero to the largest value.
/// </summary>
internal sealed class SvgBarChart
{
    public const double Width = 760;
    public const double LabelWidth = 200;
    public const double BarArea = 460;
    public const double LegendHeight = 28;
    public const double BarHeight = 14;
    public const double BarGap = 3;
    public const double RowGap = 10;

    private readonly IReadOnlyList<BarSeries> _series;
    private readonly IReadOnlyList<BarRow> _rows;

    public SvgBarChart(IReadOnlyList<BarSeries> series, IReadOnlyList<BarRow> rows)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rows);
        if (series.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one series.", nameof(series));
        }

        if (rows.Any(r => r.Values.Count != series.Count))
        {
            throw new ArgumentException("Every row needs one value per series.", nameof(rows));
        }

        _series = series;
        _rows = rows;
        Max = Math.Max(1, rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max());
    }

    /// <summary>The value a bar of full length stands for.</summary>
    public long Max { get; }

    public double RowHeight => (_series.Count * (BarHeight + BarGap)) - BarGap + RowGap;

    public double Height => LegendHeight + (_rows.Count * RowHeight) + 8;

    public double BarLength(long value) => BarArea * value / Max;

    public string Render(string id, string title, string description)
    {
        var ci = CultureInfo.InvariantCulture;
        var svg = new StringBuilder(4096);
        svg.Append(ci, $"<svg id=\"{E(id)}\" class=\"chart\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.Append(ci, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");
        if (_series.Count > 1)
        {
            svg.Append("<g class=\"legend\">");
            for (var s = 0; s < _series.Count; s++)
            {
                var x = LabelWidth + (s * 120);
                svg.Append(ci, $"<rect x=\"{N(x)}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{E(_series[s].Color)}\" /><text x=\"{N(x + 18)}\" y=\"18\">{E(_series[s].Name)}</text>");
            }

            svg.Append("</g>");
        }

        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            var top = LegendHeight + (r * RowHeight);
            var middle = top + ((RowHeight - RowGap) / 2);
            svg.Append(ci, $"<g class=\"row\" data-label=\"{E(row.Label)}\"><text class=\"label\" x=\"{N(LabelWidth - 8)}\" y=\"{N(middle + 4)}\" text-anchor=\"end\">{E(row.Label)}</text>");
            for (var s = 0; s < _series.Count; s++)
            {
                var value = row.Values[s];
                var y = top + (s * (BarHeight + BarGap));
                var length = BarLength(value);
                svg.Append(ci, $"<rect class=\"bar\" x=\"{N(LabelWidth)}\" y=\"{N(y)}\" width=\"{N(length)}\" height=\"{N(BarHeight)}\" fill=\"{E(_series[s].Color)}\" data-series=\"{E(_series[s].Name)}\" data-value=\"{value.ToString(ci)}\"><title>{E($"{row.Label}, {_series[s].Name}: {ReportFormat.Count(value)}")}</title></rect>");
                svg.Append(ci, $"<text class=\"value\" x=\"{N(LabelWidth + length + 6)}\" y=\"{N(y + BarHeight - 3)}\">{E(ReportFormat.Count(value))}</text>");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string N(double value) => SvgLineChart.N(value);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
