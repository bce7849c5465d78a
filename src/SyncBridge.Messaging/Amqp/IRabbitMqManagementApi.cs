using Refit;

namespace SyncBridge.Messaging.Amqp;

/// <summary>The one call of RabbitMQ's management HTTP API the transport uses: a queue's message counts (queue status).</summary>
public interface IRabbitMqManagementApi
{
    /// <summary><c>GET /api/queues/{vhost}/{name}</c>; Refit escapes both (a <c>/</c> in a name becomes <c>%2F</c>).</summary>
    [Get("/api/queues/{virtualHost}/{queueName}")]
    Task<RabbitMqQueueInfo> GetQueueAsync(string virtualHost, string queueName, CancellationToken cancellationToken);
}
