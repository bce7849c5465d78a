using System.CommandLine;
using Microsoft.Extensions.Hosting;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Commands;

/// <summary><c>run</c>: the long-running worker — scheduler and background services until stopped (Ctrl+C / SIGTERM).</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("run", "Run the worker: validate configuration, open the state store, start the scheduler and its jobs until stopped (Ctrl+C or SIGTERM).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings
                {
                    ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [],
                    RunBackgroundServices = true,
                }, cancellationToken, builder => builder.Services.AddStatusWebHost()).ConfigureAwait(false);
                if (connected is null)
                {
                    return ExitCodes.Configuration;
                }

                await connected.Host.RunAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped (Ctrl+C, SIGTERM) while still starting: nothing was in hand, so this is a clean stop too.
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
