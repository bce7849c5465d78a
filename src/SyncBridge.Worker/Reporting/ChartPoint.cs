namespace SyncBridge.Worker.Reporting;

/// <summary>A point of a <see cref="SvgLineChart"/>: a value at a time, measured or projected.</summary>
internal sealed record ChartPoint(DateTimeOffset At, double Value, bool Projected);
