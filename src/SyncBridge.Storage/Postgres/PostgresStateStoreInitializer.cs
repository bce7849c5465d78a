using Microsoft.Extensions.Hosting;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// Applies the schema at host start, so an unreachable server, a refused login or a too-new schema stops the host (with a
/// message naming the setting) before any job runs.
/// </summary>
internal sealed class PostgresStateStoreInitializer(PostgresStateStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
