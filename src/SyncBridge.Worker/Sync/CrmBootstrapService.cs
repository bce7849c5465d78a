using Microsoft.Extensions.Hosting;

namespace SyncBridge.Worker.Sync;

/// <summary>Runs <see cref="CrmBootstrapper"/> when the worker starts, before the first poll.</summary>
internal sealed class CrmBootstrapService(CrmBootstrapper bootstrapper) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => bootstrapper.EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
