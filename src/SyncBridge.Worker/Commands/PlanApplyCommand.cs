using System.CommandLine;
using System.Globalization;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Planning;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>apply PLAN.json [--auto-approve]</c>: applies exactly a plan saved by <c>plan --live --out</c> — refused when the
/// state moved since the plan was made — then publishes the outbox and applies the queued updates, as <c>sync</c> does.
/// </summary>
internal static class PlanApplyCommand
{
    public static Command Create(CliContext context, IApprovalPrompt? prompt = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<FileInfo>("PLAN.json") { Description = "A plan written by plan --live --out." };
        var autoApprove = new Option<bool>("--auto-approve")
        {
            Description = "Apply without asking. Required when stdin is not a terminal (scripts, CI).",
        };
        var command = new Command("apply", "Apply a plan saved by plan --live --out: refuse it when the CRMs' data or what SyncBridge last wrote moved since, else commit exactly its decisions and updates, publish them and apply them to the CRMs.")
        {
            file,
            autoApprove,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            PlanFile plan;
            try
            {
                plan = await PlanFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (PlanFileException ex)
            {
                context.Error.WriteLine("error: " + ex.Message);
                return ExitCodes.Configuration;
            }

            var ask = prompt ?? new ConsoleApprovalPrompt(context.Output);
            var approved = parse.GetValue(autoApprove);
            if (!approved && !ask.IsInteractive)
            {
                context.Error.WriteLine("error: apply asks before it writes, and stdin is not interactive: review the plan, then run apply with --auto-approve");
                return ExitCodes.Configuration;
            }

            await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, cancellationToken).ConfigureAwait(false);
            if (connected is null)
            {
                return ExitCodes.Configuration;
            }

            Func<int, bool>? approve = approved ? null : changes => ask.Confirm(string.Create(CultureInfo.InvariantCulture, $"apply {changes} changes? [y/N]"));
            var result = await PlanApplier.ApplyAsync(connected.Services, plan, approve, cancellationToken).ConfigureAwait(false);
            if (result.Stale is { } moved)
            {
                context.Error.WriteLine($"error: the state changed since this plan was made ({moved}); run plan --live again");
                return ExitCodes.Failure;
            }

            if (result.Declined)
            {
                context.Error.WriteLine("apply cancelled: nothing was written");
                return ExitCodes.Failure;
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"applied plan {path}: {plan.ChangeSets.Count} decisions committed, {result.Queued} updates queued"));
            context.Output.WriteLine(result.Updates);
            return ExitCodes.Success;
        });
        return command;
    }
}
