using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Sync;

namespace SyncBridge.Worker.Commands;

/// <summary><c>sync</c>: one pass over every source (what <c>run</c> does on each schedule), then exit.</summary>
internal static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("sync", "Poll every configured source once (HubSpot contacts, Salesforce Leads and Contacts; built-in simulators for CRMs without credentials), resolve the contacts to persons in the state store, save each source's cursor, then exit.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, cancellationToken).ConfigureAwait(false);
            if (connected is null)
            {
                return ExitCodes.Configuration;
            }

            return await RunAllAsync(context, connected, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs every source once and prints one line per source; exit code 1 when a source failed.</summary>
    public static async Task<int> RunAllAsync(CliContext context, ConnectedHost connected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(connected);
        var runner = connected.Services.GetRequiredService<SourceRunner>();
        var sources = connected.Services.GetServices<IContactSource>().ToList();
        if (sources.Count == 0)
        {
            context.Output.WriteLine("no sources: configure HubSpot or Salesforce credentials, or enable the built-in simulators (SyncBridge:Simulators:Enabled)");
            return ExitCodes.Success;
        }

        var created = await connected.Services.GetRequiredService<CrmBootstrapper>().EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (created.Count > 0)
        {
            context.Output.WriteLine($"created HubSpot properties: {string.Join(", ", created)}");
        }

        var failed = false;
        foreach (var source in sources)
        {
            var simulated = (source.Name.StartsWith("hubspot", StringComparison.Ordinal) && connected.Selection.SimulateHubSpot)
                || (source.Name.StartsWith("salesforce", StringComparison.Ordinal) && connected.Selection.SimulateSalesforce);
            try
            {
                var result = await runner.RunAsync(source, cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine(result + (simulated ? " (built-in simulator)" : string.Empty));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed = true;
                context.Error.WriteLine($"error: {source.Name}: {ex.GetType().Name}: {PersonalDataRedactionEnricher.Redact(ex.Message) ?? ex.Message}");
            }
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
