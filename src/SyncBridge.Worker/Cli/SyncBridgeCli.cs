using System.CommandLine;
using SyncBridge.Worker.Commands;

namespace SyncBridge.Worker.Cli;

/// <summary>The command line: every verb SyncBridge has, with help that explains each.</summary>
internal static class SyncBridgeCli
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand(
            "SyncBridge keeps Salesforce and HubSpot in step: it normalizes and de-duplicates contacts, scores and stages them, " +
            "decides which HubSpot should bill as marketing contacts, and sends lifecycle updates back to the CRMs.")
        {
            GlobalOptions.Config,
        };
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(NormalizeCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ConflictsCommand.Create(context));
        root.Subcommands.Add(SyncCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(PlanApplyCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(SegmentsCommand.Create(context));
        root.Subcommands.Add(ConsumeCommand.Create(context));
        root.Subcommands.Add(DlqCommand.Create(context));
        root.Subcommands.Add(QueueCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = Create(context);
        // No ProcessTerminationTimeout: System.CommandLine's handler would end the process two seconds after Ctrl+C or
        // SIGTERM, in the middle of a graceful stop. The caller's token carries the signal (TerminationSignals).
        var configuration = new InvocationConfiguration { Output = context.Output, Error = context.Error, ProcessTerminationTimeout = null };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A usage error (unknown verb or option, a missing or bad value) is exit code 2, like a bad setting.
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine($"error: {error.Message}");
            }

            context.Error.WriteLine("run with --help for usage");
            return Task.FromResult(ExitCodes.Configuration);
        }

        return parsed.InvokeAsync(configuration, cancellationToken);
    }
}
