using Microsoft.Extensions.Hosting;

namespace SyncBridge.Messaging.Amqp;

/// <summary>Checks at host start that the queue and its dead-letter queue exist, so a wrong QueueName stops the host with the setting's name.</summary>
internal sealed class AmqpQueueStartupCheck(AmqpUpdateQueue queue) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => queue.EnsureQueuesExistAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
