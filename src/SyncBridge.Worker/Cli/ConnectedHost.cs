using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncBridge.Storage;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Reporting;
using SyncBridge.Worker.Sync;
using SyncBridge.Worker.Updates;
using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Cli;

/// <summary>
/// A host with the CRM connectors: real ones where credentials are configured, the built-in simulators (started
/// in-process on 127.0.0.1) for the others. Disposing it stops the host and the simulators.
/// </summary>
internal sealed class ConnectedHost : IAsyncDisposable
{
    private ConnectedHost(IHost host, EmbeddedSimulators simulators, ConnectorSelection selection)
    {
        Host = host;
        Simulators = simulators;
        Selection = selection;
    }

    public IHost Host { get; }

    public EmbeddedSimulators Simulators { get; }

    public ConnectorSelection Selection { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Builds the host, or reports why not (configuration errors name their setting) and returns null.</summary>
    public static async Task<ConnectedHost?> TryStartAsync(CliContext context, HostSettings settings, CancellationToken cancellationToken, Action<HostApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        EmbeddedSimulators? simulators = null;
        ConnectorSelection? selection = null;
        var host = VerbHost.TryBuild(context, settings, builder =>
        {
            selection = ConnectorSelection.From(builder.Configuration);
            simulators = EmbeddedSimulators.StartAsync(selection, builder.Configuration, cancellationToken).GetAwaiter().GetResult();
            builder.Configuration.AddInMemoryCollection(simulators.Settings);
            builder.Services.AddSync(builder.Configuration, selection);
            builder.Services.AddUpdatePath(builder.Configuration);
            Commands.PlanConfiguration.AddDecisionSettings(builder);
            builder.Services.TryAddSingleton<CrmBootstrapper>();
            builder.Services.AddReporting();
            builder.Services.AddStatusWeb(builder.Configuration);
            if (settings.RunBackgroundServices)
            {
                builder.Services.AddHostedService<CrmBootstrapService>();
                builder.Services.AddHostedService<UpdatePathService>();
                builder.Services.AddOptionsWithValidateOnStart<SchedulerOptions>().Bind(builder.Configuration.GetSection(SchedulerOptions.SectionName)).ValidateDataAnnotations();
                builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());
                builder.Services.AddOptions<HostOptions>().Configure<IOptions<SchedulerOptions>>((host, scheduler) => host.ShutdownTimeout = scheduler.Value.ShutdownTimeout);
                builder.Services.AddHostedService<SourceScheduleRegistrar>();
            }

            builder.Services.TryAddSingleton<SourceRunner>();
            configure?.Invoke(builder);
        });

        if (host is not null && !await TryOpenStateStoreAsync(context, host, cancellationToken).ConfigureAwait(false))
        {
            host.Dispose();
            host = null;
        }

        if (host is null)
        {
            if (simulators is not null)
            {
                await simulators.DisposeAsync().ConfigureAwait(false);
            }

            return null;
        }

        return new ConnectedHost(host, simulators!, selection!);
    }

    /// <summary>An unusable state store (unwritable file, unreachable server, newer schema) is a configuration error naming the setting.</summary>
    private static async Task<bool> TryOpenStateStoreAsync(CliContext context, IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.Services.InitializeStateStoreAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StateStoreException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Simulators.DisposeAsync().ConfigureAwait(false);
    }
}
