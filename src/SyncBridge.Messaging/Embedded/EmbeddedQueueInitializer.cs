using Microsoft.Extensions.Hosting;

namespace SyncBridge.Messaging.Embedded;

/// <summary>Creates the queue file and its schema at host start, so an unwritable path stops the host before any job runs.</summary>
internal sealed class EmbeddedQueueInitializer(SqliteUpdateQueue queue) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => queue.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
