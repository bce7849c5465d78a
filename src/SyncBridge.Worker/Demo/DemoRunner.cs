using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Commands;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Sync;
using SyncBridge.Worker.Telemetry;
using SyncBridge.Worker.Updates;
using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Demo;

/// <summary>
/// The demo's pipeline over the built-in simulators: a fresh state store, every source read through the real connectors,
/// one decision run over the whole population, and every update dispatched through the embedded queue and applied —
/// with a progress bar per step. <c>inspect</c> lets a test look at the simulators and the host before they stop.
/// </summary>
internal static class DemoRunner
{
    public static async Task<(int ExitCode, DemoResult? Result)> RunAsync(
        CliContext context,
        DemoOptions options,
        Func<ConnectedHost, DemoResult, CancellationToken, Task>? inspect,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var started = context.Time.GetTimestamp();
        options.Directory.Create();
        var database = Path.Combine(options.Directory.FullName, "state.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        var overrides = new Dictionary<string, string?>
        {
            ["SyncBridge:State:SqlitePath"] = database,
            ["SyncBridge:Queue:Transport"] = "Embedded",
            ["SyncBridge:Queue:Embedded:Path"] = null,
            ["SyncBridge:Simulators:Enabled"] = "true",
            ["SyncBridge:Simulators:People"] = options.People.ToString(CultureInfo.InvariantCulture),
            ["SyncBridge:HubSpot:AccessToken"] = string.Empty,
            ["SyncBridge:HubSpot:OAuth:RefreshToken"] = string.Empty,
            ["SyncBridge:Salesforce:ClientId"] = string.Empty,
        };
        if (!options.Verbose)
        {
            overrides["Serilog:MinimumLevel:Default"] = "Warning";
        }

        await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = options.ConfigFiles, Overrides = overrides }, cancellationToken).ConfigureAwait(false);
        if (connected is null)
        {
            return (ExitCodes.Configuration, null);
        }

        var services = connected.Services;
        var created = await services.GetRequiredService<CrmBootstrapper>().EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (created.Count > 0)
        {
            context.Output.WriteLine($"created the HubSpot properties SyncBridge writes: {string.Join(", ", created)}");
        }

        var runner = services.GetRequiredService<SourceRunner>();
        var sources = services.GetServices<IContactSource>().ToList();
        var ingests = new List<IngestSummary>();
        var errors = new List<string>();
        var dispatch = services.GetRequiredService<OutboxDispatchLoop>();
        var consume = services.GetRequiredService<UpdateConsumeLoop>();
        var decided = await DemoProgress.RunAsync(context.Output, context.Time, async progress =>
        {
            foreach (var source in sources)
            {
                var step = progress.Start($"read {source.Name}", ExpectedRecords(connected, source.Name));
                try
                {
                    var result = await runner.RunAsync(new ProgressReportingSource(source, n => step.Advance(n)), cancellationToken).ConfigureAwait(false);
                    if (result.Summary is { } summary)
                    {
                        ingests.Add(summary);
                        step.Complete(string.Create(CultureInfo.InvariantCulture, $"read {source.Name}: {summary.Contacts:N0} records"));
                    }
                    else
                    {
                        errors.Add(result.Stopped);
                        step.Complete($"read {source.Name}: {result.Stopped}");
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The source runner logged it; the demo goes on with the other sources and says so in the summary.
                    errors.Add($"{source.Name}: {ex.GetType().Name}: {PersonalDataRedactionEnricher.Redact(ex.Message) ?? ex.Message}");
                    step.Complete($"read {source.Name}: failed");
                }
            }

            var deciding = progress.Start("decide every person", null);
            var decision = await services.GetRequiredService<PersonDecider>().DecideAsync(cancellationToken).ConfigureAwait(false);
            services.GetService<SyncBridgeMetrics>()?.RecordDecisions(decision);
            deciding.Complete(string.Create(CultureInfo.InvariantCulture, $"decide: {decision.Persons:N0} persons, {decision.Updates:N0} updates queued"));

            var applying = progress.Start("apply updates to the CRMs", decision.Updates);
            using (var watch = new CancellationTokenSource())
            {
                var watcher = WatchAsync(consume, applying, context.Time, watch.Token);
                await UpdateDrain.RunUntilEmptyAsync(services, dispatch, consume, dispatching: true, cancellationToken).ConfigureAwait(false);
                await watch.CancelAsync().ConfigureAwait(false);
                await watcher.ConfigureAwait(false);
            }

            applying.Complete(string.Create(CultureInfo.InvariantCulture, $"apply: {consume.Total.Applied:N0} updates applied"));
            return decision;
        }).ConfigureAwait(false);

        var identities = services.GetRequiredService<IIdentityStore>();
        var result = new DemoResult
        {
            People = options.People,
            Sources = ingests,
            SourceErrors = errors,
            Persons = await identities.CountPersonsAsync(cancellationToken).ConfigureAwait(false),
            Decided = decided,
            Updates = consume.Total,
            Dispatched = dispatch.Sent,
            RateLimited = (connected.Simulators.HubSpot?.GetStats().TotalRateLimited ?? 0) + (connected.Simulators.Salesforce?.Stats.LimitExceeded ?? 0),
            Elapsed = context.Time.GetElapsedTime(started),
            StateStore = database,
        };
        var reportPath = options.ReportFile?.FullName ?? Path.GetFullPath(ReportCommand.DefaultHtmlFile);
        result = result with { ReportPath = await ReportCommand.WriteHtmlAsync(services, reportPath, cancellationToken).ConfigureAwait(false) };
        context.Output.WriteLine(decided.ToString());
        context.Output.WriteLine(UpdateDrain.Summary(dispatch, consume));
        DemoSummaryWriter.Write(context.Output, result);
        context.Output.WriteLine($"state store: {database}");
        context.Output.WriteLine($"report: {result.ReportPath}");
        if (inspect is not null)
        {
            await inspect(connected, result, cancellationToken).ConfigureAwait(false);
        }

        if (options.Serve)
        {
            await ServeAsync(context, services, cancellationToken).ConfigureAwait(false);
        }

        return (errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failure, result);
    }

    /// <summary>Keeps the status page (and the simulators behind it) up until Ctrl+C.</summary>
    private static async Task ServeAsync(CliContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        var status = services.GetRequiredService<IOptions<StatusOptions>>().Value;
        await using var server = await StatusWebServer.StartAsync(services, status, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"status page: {server.Address} (also /healthz, /readyz, /metrics, /api/report); Ctrl+C stops it");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the demo is over.
        }

        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>What the simulator holds for a source, so its bar has a size; null for a source it cannot count.</summary>
    private static double? ExpectedRecords(ConnectedHost connected, string source) => source switch
    {
        "hubspot:contacts" when connected.Simulators.HubSpot is { } hubSpot => hubSpot.GetStats() is var s ? s.Contacts + s.ArchivedContacts : null,
        "salesforce:leads" when connected.Simulators.Salesforce is { } salesforce => salesforce.Stats.Leads,
        "salesforce:contacts" when connected.Simulators.Salesforce is { } salesforce => salesforce.Stats.Contacts,
        _ => null,
    };

    private static async Task WatchAsync(UpdateConsumeLoop consume, DemoStep step, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var total = consume.Total;
                step.Set(total.Applied + total.Skipped + total.DeadLettered);
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The drain finished.
        }
    }
}
