using Refit;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// The one call of Azure Service Bus's management (ATOM) endpoint the transport uses: a queue's runtime description,
/// whose <c>CountDetails</c> give the depth and dead-letter count that AMQP 1.0 cannot query. Needs a SAS token with the
/// Manage right (<see cref="ServiceBusManagementAuthHandler"/> adds it).
/// </summary>
public interface IServiceBusManagementApi
{
    /// <summary>
    /// <c>GET /{queue}?api-version=2021-05</c>; the body is an Atom <c>entry</c> holding a <c>QueueDescription</c>
    /// (an empty Atom <c>feed</c> when no such entity exists). Returned as text and read by <see cref="ServiceBusQueueCounts"/>.
    /// </summary>
    [Get("/{queueName}?api-version=" + ServiceBusQueueCounts.ApiVersion)]
    [Headers("Accept: application/atom+xml")]
    Task<string> GetQueueDescriptionAsync(string queueName, CancellationToken cancellationToken);
}
