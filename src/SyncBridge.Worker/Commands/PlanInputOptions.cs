using System.CommandLine;
using System.Globalization;

namespace SyncBridge.Worker.Commands;

/// <summary>The inputs <c>plan</c>, <c>explain</c> and <c>segments</c> share: contacts, events, as-of.</summary>
internal sealed class PlanInputOptions
{
    public Option<FileInfo> Contacts { get; } = new("--contacts")
    {
        Description = "Contacts CSV: the normalize columns plus lifecycle_stage, email_optout, hard_bounced, consent (granted|denied|unknown), " +
            "open_opportunity, won_deal, hubspot_marketable (true/false, empty = unknown); optional sales_status, industry, employee_count.",
        Required = true,
    };

    public Option<FileInfo?> Events { get; } = new("--events")
    {
        Description = "Events CSV: email,type,occurred_at,detail; type is email_open, email_click, page_view, form_submission, event_attended, demo_request or pricing_inquiry.",
    };

    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "The instant decisions are evaluated at (ISO 8601, e.g. 2026-11-22T00:00:00Z). Default: now.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Contacts);
        command.Options.Add(Events);
        command.Options.Add(AsOf);
    }

    /// <summary>Parses <c>--as-of</c>; false with a message when it is not a date.</summary>
    public static bool TryParseAsOf(string? value, TimeProvider time, out DateTimeOffset asOf, out string error)
    {
        ArgumentNullException.ThrowIfNull(time);
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            asOf = time.GetUtcNow();
            return true;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out asOf))
        {
            return true;
        }

        error = $"error: --as-of: '{value}' is not a date and time (use ISO 8601, e.g. 2026-11-22T00:00:00Z)";
        return false;
    }
}
