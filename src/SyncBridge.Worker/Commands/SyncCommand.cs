using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Sync;
using SyncBridge.Worker.Telemetry;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>sync [--once] [--source NAME]</c>: one cycle over every source (or one) — what <c>run</c> does on each schedule —
/// then publishes the outbox and applies the queued updates, and exits (non-zero when a source failed).
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var once = new Option<bool>("--once") { Description = "One cycle, then exit (what sync always does; the flag makes scripts read plainly)." };
        var sourceName = new Option<string?>("--source") { Description = "Only this source (e.g. hubspot:contacts, salesforce:leads, salesforce:contacts)." };
        var command = new Command("sync", "Poll every configured source once (HubSpot contacts, Salesforce Leads and Contacts; built-in simulators for CRMs without credentials), resolve the contacts to persons in the state store, save each source's cursor, then decide every person from the state store when something changed, publish the outbox and apply the queued updates to the CRMs, and exit.")
        {
            once,
            sourceName,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, cancellationToken).ConfigureAwait(false);
            if (connected is null)
            {
                return ExitCodes.Configuration;
            }

            var code = await RunAllAsync(context, connected, cancellationToken, parse.GetValue(sourceName)).ConfigureAwait(false);
            if (code == ExitCodes.Configuration)
            {
                return code;
            }

            await DecideAndApplyAsync(context, connected, cancellationToken).ConfigureAwait(false);
            return code;
        });
        return command;
    }

    /// <summary>
    /// After the sources: decides from the state store when anything changed, publishes the outbox and applies the
    /// queued updates until nothing is left; prints a <c>decisions: …</c> and an <c>updates: …</c> line.
    /// </summary>
    public static async Task DecideAndApplyAsync(CliContext context, ConnectedHost connected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(connected);
        var decided = await connected.Services.GetRequiredService<PersonDecider>().DecideAsync(cancellationToken).ConfigureAwait(false);
        connected.Services.GetService<SyncBridgeMetrics>()?.RecordDecisions(decided);
        context.Output.WriteLine(decided.ToString());
        var dispatch = connected.Services.GetRequiredService<OutboxDispatchLoop>();
        var consume = connected.Services.GetRequiredService<UpdateConsumeLoop>();
        await UpdateDrain.RunUntilEmptyAsync(connected.Services, dispatch, consume, dispatching: true, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(UpdateDrain.Summary(dispatch, consume));
    }

    /// <summary>
    /// Runs every source (or the one named) once and prints one line per source; exit code 1 when a source failed, 2
    /// when no source has that name.
    /// </summary>
    public static async Task<int> RunAllAsync(CliContext context, ConnectedHost connected, CancellationToken cancellationToken, string? only = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(connected);
        var runner = connected.Services.GetRequiredService<SourceRunner>();
        if (SourceSelection.Select(connected.Services, only, context.Error) is not { } sources)
        {
            return ExitCodes.Configuration;
        }

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
            try
            {
                var result = await runner.RunAsync(source, cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine(SourceSelection.Describe(result, connected));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed = true;
                context.Error.WriteLine(SourceSelection.Describe(source, ex));
            }
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
