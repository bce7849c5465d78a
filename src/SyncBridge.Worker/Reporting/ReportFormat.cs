using System.Globalization;

namespace SyncBridge.Worker.Reporting;

/// <summary>How the report writes figures for people (invariant culture, UTC), shared by the HTML page and the text summary.</summary>
internal static class ReportFormat
{
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A price: whole amounts without decimals (JPY 270,000), others with two (1,200.50 USD).</summary>
    public static string Money(decimal value, string currency) =>
        (value == decimal.Truncate(value)
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.00", CultureInfo.InvariantCulture))
        + (string.IsNullOrEmpty(currency) ? string.Empty : " " + currency);

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value) => value is { } at ? Time(at) : "-";

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Score(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A duration in its two largest units: <c>3d 4h</c>, <c>4h 12m</c>, <c>12m 5s</c>, <c>45s</c>.</summary>
    public static string Age(TimeSpan? value)
    {
        if (value is not { } age)
        {
            return "-";
        }

        var ci = CultureInfo.InvariantCulture;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalDays >= 1 ? string.Create(ci, $"{(long)age.TotalDays}d {age.Hours}h")
            : age.TotalHours >= 1 ? string.Create(ci, $"{age.Hours}h {age.Minutes}m")
            : age.TotalMinutes >= 1 ? string.Create(ci, $"{age.Minutes}m {age.Seconds}s")
            : string.Create(ci, $"{age.Seconds}s");
    }
}
