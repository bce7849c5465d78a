namespace SyncBridge.Worker.Reporting;

/// <summary>One series of a <see cref="SvgBarChart"/>: its legend name and its fill colour.</summary>
internal sealed record BarSeries(string Name, string Color);

/// <summary>One row of a <see cref="SvgBarChart"/>: its label and one value per series.</summary>
internal sealed record BarRow(string Label, IReadOnlyList<long> Values);
