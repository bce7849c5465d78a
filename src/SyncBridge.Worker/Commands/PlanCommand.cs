using System.CommandLine;
using System.Globalization;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Planning;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>plan --contacts contacts.csv [--events events.csv] [--config extra.json] --as-of … --format json|table</c>:
/// decides every person (score, hot, re-engaged, lifecycle, segments, marketing with the tier budget) and prints
/// the billing forecast. Reads only; writes nothing anywhere. With <c>--live</c> (see <see cref="PlanLive"/>) it plans
/// against the configured CRMs instead, for <c>apply</c>.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new PlanInputOptions();
        var live = new PlanLive();
        var format = new Option<string>("--format")
        {
            Description = "json (the stable contract) or table (for people).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("plan", "Decide every person in contacts.csv (with events.csv): scores, hot, re-engaged, lifecycle stage, segments, marketing / non-marketing with reasons, and the billing forecast. With --live: poll the configured CRMs and show what apply would change in them.");
        inputs.AddTo(command);
        inputs.Contacts.Required = false; // plan takes --contacts or --live (checked below, exit code 2)
        command.Options.Add(format);
        live.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            if (live.UsageError(parse, inputs) is { } usage)
            {
                context.Error.WriteLine(usage);
                return Task.FromResult(ExitCodes.Configuration);
            }

            if (parse.GetValue(live.Live))
            {
                return live.RunAsync(context, parse, parse.GetValue(format) == "table", cancellationToken);
            }

            var result = PlanRun.Execute(context, parse, inputs, traceWhen: null, out var exitCode, cancellationToken);
            if (result is not { } run)
            {
                return Task.FromResult(exitCode);
            }

            if (parse.GetValue(format) == "table")
            {
                PlanOutput.WriteTable(context.Output, run.Batch);
            }
            else
            {
                PlanOutput.WriteJson(context.Output, run.Batch, run.Input);
            }

            var f = run.Batch.Forecast;
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"planned {run.Batch.Decisions.Count} persons from {run.Input.ContactRows} contact rows and {run.Input.Events} events; " +
                $"{PlanForecastLine.Format(f)}; " +
                $"skipped: {run.Input.RejectedContactRows} contact rows, {run.Input.RejectedEvents} events, {run.Input.UnmatchedEvents} unmatched events"));
            if (PlanForecastLine.OverTierWarning(f) is { } warning)
            {
                context.Error.WriteLine(warning);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
