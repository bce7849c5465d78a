using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Sync;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>consume [--until-empty] [--no-dispatch]</c>: the update path of <c>run</c> without the source polling —
/// publish the outbox to the queue and apply queued updates to the CRMs. A dedicated consumer instance (or several,
/// competing) runs this.
/// </summary>
internal static class ConsumeCommand
{
    public static Command Create(CliContext context)
    {
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Exit once the outbox has nothing pending and the queue is empty, in-flight messages included (otherwise run until Ctrl+C or SIGTERM)." };
        var noDispatch = new Option<bool>("--no-dispatch") { Description = "Only consume: leave publishing the outbox to another instance." };
        var command = new Command("consume", "Publish the outbox to the update queue and apply queued lifecycle updates to HubSpot and Salesforce (idempotent, retried with backoff, dead-lettered with the CRM's error after the max delivery count).")
        {
            untilEmpty,
            noDispatch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, cancellationToken).ConfigureAwait(false);
            if (connected is null)
            {
                return ExitCodes.Configuration;
            }

            await connected.Services.GetRequiredService<CrmBootstrapper>().EnsureAsync(cancellationToken).ConfigureAwait(false);
            var dispatch = connected.Services.GetRequiredService<OutboxDispatchLoop>();
            var consume = connected.Services.GetRequiredService<UpdateConsumeLoop>();
            var dispatching = !parse.GetValue(noDispatch);
            try
            {
                if (parse.GetValue(untilEmpty))
                {
                    await UpdateDrain.RunUntilEmptyAsync(connected.Services, dispatch, consume, dispatching, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Task.WhenAll(dispatching ? dispatch.RunAsync(cancellationToken) : Task.CompletedTask, consume.RunAsync(cancellationToken)).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C / SIGTERM: whatever was not settled is redelivered to the next consumer.
            }

            context.Output.WriteLine(UpdateDrain.Summary(dispatch, consume));
            return ExitCodes.Success;
        });
        return command;
    }
}
