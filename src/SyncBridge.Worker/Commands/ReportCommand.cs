using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Storage;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Reporting;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>report [--html FILE] [--format text|json]</c>: the status report read from the state store (and the queue): with
/// <c>--html</c> a standalone page finance can mail around, with <c>--format json</c> the machine contract, and by
/// default a short text summary.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The file the demo writes at its end.</summary>
    public const string DefaultHtmlFile = "syncbridge-report.html";

    public static Command Create(CliContext context)
    {
        var html = new Option<FileInfo?>("--html") { Description = "Write the report as one standalone HTML file (charts inline, no network needed) and print its full path." };
        var format = new Option<string>("--format") { Description = "text (a short summary, default) or json (the whole report for machines).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(
            "report",
            "Report from the state store: headline figures (marketing contacts now, after apply and after the next update date, tier, monthly cost), " +
            "the marketing-contact forecast, the lifecycle funnel, sources, queue and recent decisions.")
        {
            html,
            format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, builder =>
            {
                builder.Services.AddUpdateQueue(builder.Configuration);
                builder.Services.AddReporting();
            });
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            // A report reads; it must not create an empty store where the operator mistyped a path.
            var state = host.Services.GetRequiredService<IOptions<StateStoreOptions>>().Value;
            var path = Path.GetFullPath(state.SqlitePath);
            if (state.IsSqlite && !File.Exists(path))
            {
                context.Error.WriteLine(
                    $"error: {StateStoreOptions.SectionName}:{nameof(StateStoreOptions.SqlitePath)}: no state store at '{path}'. " +
                    "Point the setting (or --config) at an existing state file, or create one with sync --once, import or demo.");
                return ExitCodes.Configuration;
            }

            try
            {
                if (parse.GetValue(html) is { } file)
                {
                    context.Output.WriteLine(await WriteHtmlAsync(host.Services, file.FullName, cancellationToken).ConfigureAwait(false));
                    return ExitCodes.Success;
                }

                var report = await host.Services.GetRequiredService<StatusReportBuilder>().BuildAsync(cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(format) == "json")
                {
                    context.Output.WriteLine(host.Services.GetRequiredService<ReportJsonWriter>().Write(report));
                }
                else
                {
                    WriteText(context.Output, report);
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is StateStoreException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    /// <summary>
    /// Builds the report from <paramref name="services"/> (a host with <see cref="ReportingServiceCollectionExtensions.AddReporting"/>),
    /// writes it as a standalone HTML file at <paramref name="path"/> (its directory is created) and returns the file's full path.
    /// </summary>
    public static async Task<string> WriteHtmlAsync(IServiceProvider services, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var report = await services.GetRequiredService<StatusReportBuilder>().BuildAsync(cancellationToken).ConfigureAwait(false);
        var html = (services.GetService<ReportHtmlRenderer>() ?? new ReportHtmlRenderer()).Render(report, ReportLinks.Standalone);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(full, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
        return full;
    }

    /// <summary>The headline figures, the funnel before → after and the forecast line.</summary>
    internal static void WriteText(TextWriter output, StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine($"state store: {report.StateStore}");
        output.WriteLine($"generated at: {ReportFormat.Time(report.GeneratedAt)}");
        var failing = report.Sources.Count(s => s.Status.LastError.Length > 0);
        output.WriteLine(string.Create(ci, $"sources: {report.Sources.Count} ({failing} failing)"));
        output.WriteLine(report.Queue is { } q
            ? string.Create(ci, $"queue: {q.Transport}, depth {ReportFormat.Count(q.Depth)}, dead letters {ReportFormat.Count(q.DeadLetters)}, outbox pending {ReportFormat.Count(q.OutboxPending)}")
            : $"queue: unavailable ({report.QueueError})");
        if (report.Latest is not { } latest)
        {
            output.WriteLine("nothing decided yet: this state store has no decision run (run sync --once, import or demo first)");
            return;
        }

        var f = latest.Forecast;
        var date = ReportFormat.Date(f.NextUpdateDate);
        output.WriteLine($"decided at: {ReportFormat.Time(latest.AsOf)} ({report.Runs.Count} run{(report.Runs.Count == 1 ? string.Empty : "s")} in the history)");
        output.WriteLine($"persons: {ReportFormat.Count(latest.Persons)}   hot leads: {ReportFormat.Count(latest.Hot)}");
        output.WriteLine($"marketing contacts: now {ReportFormat.Count(f.MarketingNow)} → after apply {ReportFormat.Count(f.PeakBeforeUpdate)} (peak) → after {date} {ReportFormat.Count(f.MarketingAfterUpdate)}");
        output.WriteLine($"tier: limit {ReportFormat.Count(f.TierLimit)}, now {ReportFormat.Count(f.TierNow)} → after {ReportFormat.Count(f.TierAfter)}{(f.OverTier ? "  WARNING: the peak is over the contracted tier" : string.Empty)}");
        output.WriteLine($"monthly cost: now {ReportFormat.Money(f.MonthlyCostNow, f.Currency)} → from the renewal {ReportFormat.Money(f.MonthlyCostAtRenewal, f.Currency)} (tier {ReportFormat.Count(f.TierAtRenewal)}), saving {ReportFormat.Money(f.MonthlySaving, f.Currency)}");
        output.WriteLine("funnel (before → after):");
        foreach (var row in FunnelRows.Of(latest))
        {
            output.WriteLine($"  {row.Stage,-24}{ReportFormat.Count(row.Before),8} → {ReportFormat.Count(row.After)}");
        }

        output.WriteLine("forecast: " + string.Join(" · ", report.Forecast.Select(p => $"{ReportFormat.Time(p.At)} {ReportFormat.Count(p.MarketingContacts)} ({p.Label})")) +
            $"; tier limit {ReportFormat.Count(f.TierLimit)}");
    }
}
