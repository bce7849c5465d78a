using System.CommandLine;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Planning;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>plan --live [--source NAME] [--out PLAN.json] [--format json|table] [--all]</c>: polls the configured CRMs
/// (built-in simulators where no credentials are set) once into the state store, decides the whole population and
/// shows what <c>apply</c> would change, without writing to a CRM, the outbox or the decisions.
/// </summary>
internal sealed class PlanLive
{
    public Option<bool> Live { get; } = new("--live")
    {
        Description = "Plan against the configured CRMs: poll every source once into the state store, decide everyone, and show what apply would change (writes no CRM, no outbox, no decision). Not with --contacts.",
    };

    public Option<string?> Source { get; } = new("--source")
    {
        Description = "With --live: poll only this source (e.g. hubspot:contacts); everyone stored is still decided.",
    };

    public Option<FileInfo?> Out { get; } = new("--out")
    {
        Description = "With --live: also write the plan to this file, for apply PLAN.json.",
    };

    public Option<bool> All { get; } = new("--all")
    {
        Description = "With --live: also list the records that would not change, with the properties they hold.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Live);
        command.Options.Add(Source);
        command.Options.Add(Out);
        command.Options.Add(All);
    }

    /// <summary>
    /// The usage error of this parse, or null: --live excludes --contacts, --events and --as-of; --source, --out and
    /// --all need --live; without --live, --contacts is required.
    /// </summary>
    public string? UsageError(ParseResult parse, PlanInputOptions inputs)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(inputs);
        if (parse.GetValue(Live))
        {
            if (parse.GetValue(inputs.Contacts) is not null)
            {
                return "error: --live and --contacts cannot be used together: --live plans from the CRMs (through the state store), --contacts from a CSV file; pick one";
            }

            if (parse.GetValue(inputs.Events) is not null || parse.GetValue(inputs.AsOf) is not null)
            {
                return "error: --events and --as-of go with --contacts, not with --live (a live plan decides from the state store, as of now)";
            }

            return null;
        }

        if (parse.GetValue(Source) is not null || parse.GetValue(Out) is not null || parse.GetValue(All))
        {
            return "error: --source, --out and --all go with --live";
        }

        return parse.GetValue(inputs.Contacts) is null
            ? "error: plan needs --contacts FILE.csv (plan from a file) or --live (plan from the configured CRMs)"
            : null;
    }

    public async Task<int> RunAsync(CliContext context, ParseResult parse, bool table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parse);
        await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, cancellationToken).ConfigureAwait(false);
        if (connected is null)
        {
            return ExitCodes.Configuration;
        }

        var polled = await LiveSourcePoller.PollAsync(context.Error, connected, parse.GetValue(Source), cancellationToken).ConfigureAwait(false);
        if (polled != ExitCodes.Success)
        {
            return polled;
        }

        var all = parse.GetValue(All);
        var plan = await LivePlanner.PlanAsync(connected.Services, all, cancellationToken).ConfigureAwait(false);
        if (table)
        {
            LivePlanOutput.WriteTable(context.Output, plan, all);
        }
        else
        {
            LivePlanOutput.WriteJson(context.Output, plan, all);
            context.Error.WriteLine(LivePlanOutput.SummaryLine(plan));
            context.Error.WriteLine(PlanForecastLine.Format(plan.Batch.Forecast));
            if (PlanForecastLine.OverTierWarning(plan.Batch.Forecast) is { } warning)
            {
                context.Error.WriteLine(warning);
            }
        }

        if (parse.GetValue(Out) is { } file)
        {
            try
            {
                await PlanFile.From(plan).WriteAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"error: --out: cannot write the plan to '{file.FullName}': {ex.Message}");
                return ExitCodes.Failure;
            }

            context.Error.WriteLine($"plan saved to {file.FullName}; review it, then run: apply {file.FullName}");
        }

        return ExitCodes.Success;
    }
}
