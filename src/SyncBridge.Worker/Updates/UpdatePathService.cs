using Microsoft.Extensions.Hosting;

namespace SyncBridge.Worker.Updates;

/// <summary>The update path inside <c>run</c>: deciding into the outbox, the outbox dispatcher and the update consumer side by side until the host stops.</summary>
internal sealed class UpdatePathService(DecideLoop decide, OutboxDispatchLoop dispatch, UpdateConsumeLoop consume) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(decide.RunAsync(stoppingToken), dispatch.RunAsync(stoppingToken), consume.RunAsync(stoppingToken));
}
