using Microsoft.Extensions.Hosting;

namespace SyncBridge.Worker.Updates;

/// <summary>The update path inside <c>run</c>: the outbox dispatcher and the update consumer side by side until the host stops.</summary>
internal sealed class UpdatePathService(OutboxDispatchLoop dispatch, UpdateConsumeLoop consume) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(dispatch.RunAsync(stoppingToken), consume.RunAsync(stoppingToken));
}
