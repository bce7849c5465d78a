using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Amqp;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SyncBridge.Messaging.Tests.Amqp;

/// <summary><see cref="AmqpUpdateQueue.GetStatusAsync"/> with Dialect ServiceBus, as the host registers it.</summary>
public sealed class AmqpUpdateQueueServiceBusStatusTests
{
    // Nothing listens there: any AMQP use fails at once (the status path of these tests must not need the broker).
    private const string UnreachableBroker = "Endpoint=amqp://127.0.0.1:1;SharedAccessKeyName=status-reader;SharedAccessKey=pw";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStatusAsync_ServiceBusQueue_ReportsTheNamespacesCountsWithoutTouchingAmqp()
    {
        using var host = ServiceBusManagementHost.Create();
        StubQueue(host, active: 17, deadLetters: 4);

        var status = await host.Queue.GetStatusAsync(Ct);

        Assert.Equal(new QueueStatus(17, 0, null, 4), status);
        Assert.Null(status.Caveat);
        Assert.Equal(0, host.Queue.ConnectionGeneration);
    }

    [Fact]
    public async Task GetStatusAsync_ReadQueueDepthOn_ReadsTheManagementEndpointOfAnAmqpEndpointWhenSet()
    {
        using var host = ServiceBusManagementHost.CreateWithRealTime(_ => { }, UnreachableBroker);
        StubQueue(host, active: 3, deadLetters: 0);

        var status = await host.Queue.GetStatusAsync(Ct);

        Assert.Equal(new QueueStatus(3, 0, null, 0), status);
        Assert.Single(host.Server.LogEntries);
    }

    [Fact]
    public async Task GetStatusAsync_ReadQueueDepthOff_MakesNoHttpCall()
    {
        using var host = ServiceBusManagementHost.CreateWithRealTime(
            _ => { },
            UnreachableBroker,
            ("SyncBridge:Queue:ServiceBus:ReadQueueDepth", "false"),
            ("SyncBridge:Queue:ServiceBus:ReconnectMaxAttempts", "0"),
            ("SyncBridge:Queue:ServiceBus:ReconnectBaseDelay", "00:00:00.001"),
            ("SyncBridge:Queue:ServiceBus:ReconnectMaxDelay", "00:00:00.001"));
        StubQueue(host, active: 3, deadLetters: 0);

        // With reads off the status is this process's own, whose dead-letter scan needs the (absent) AMQP broker.
        var error = await Record.ExceptionAsync(() => host.Queue.GetStatusAsync(Ct));

        Assert.True(error is AmqpTransportException or System.Net.Sockets.SocketException or IOException, error?.ToString());
        Assert.Empty(host.Server.LogEntries);
    }

    private static void StubQueue(ServiceBusManagementHost host, long active, long deadLetters) =>
        host.Server.Given(Request.Create().WithPath("/updates").WithParam("api-version", "2021-05").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/atom+xml;type=entry;charset=utf-8")
                .WithBody(ServiceBusAtom.QueueEntry("updates", active, deadLetters)));
}
