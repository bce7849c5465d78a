using System.Text.Json.Nodes;
using SyncBridge.Testing;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>
/// The update path suite on a real AMQP 1.0 broker: the RabbitMQ started by <c>infra/local/start-rabbitmq.sh</c>, reached
/// through the Service Bus transport with the RabbitMQ dialect, on a quorum queue of the test's own (declared through the
/// management API, with its dead-letter queue). This broker has no sessions and no duplicate detection, so the
/// consumer's ledger alone keeps updates exactly-once. Fails (never skips) when the broker is not running.
/// </summary>
public sealed class RabbitMqUpdatePathTests : UpdatePathSuite
{
    private readonly RabbitMqTestBroker _broker = new();
    private string _queue = string.Empty;

    protected override bool StrictPersonOrder => false;

    /// <summary>
    /// The broker's own delivery limit stays well above the consumer's: kills return every prefetched message (a
    /// delivery each) and records held by a dead consumer bounce until its claim expires; the consumer dead-letters
    /// on its own count, with the CRM's error.
    /// </summary>
    protected override async Task ResetQueueAsync()
    {
        await _broker.EnsureReachableAsync();
        _queue = await _broker.CreateQueueAsync("e2e-updates", deliveryLimit: 50);
    }

    protected override JsonObject QueueSection(string directory) => new()
    {
        ["Transport"] = "ServiceBus",
        ["ServiceBus"] = new JsonObject
        {
            ["ConnectionString"] = _broker.ConnectionString(),
            ["QueueName"] = _queue,
            ["Dialect"] = "RabbitMq",
            ["VirtualHost"] = _broker.VirtualHost,
            ["ManagementEndpoint"] = _broker.ManagementEndpoint.ToString(),
            ["ReceiveWait"] = "00:00:00.500",
        },
    };

    protected override async ValueTask DisposeQueueAsync() => await _broker.DisposeAsync();
}
