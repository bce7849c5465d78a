using Microsoft.Extensions.Hosting;

namespace SyncBridge.Storage.Sqlite;

/// <summary>Applies the schema at host start, so a missing, unwritable or too-new database stops the host before any job runs.</summary>
internal sealed class SqliteStateStoreInitializer(SqliteStateStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
