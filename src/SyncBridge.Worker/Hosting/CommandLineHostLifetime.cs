using Microsoft.Extensions.Hosting;

namespace SyncBridge.Worker.Hosting;

/// <summary>
/// The host's lifetime when a verb runs it: the host stops when the verb's cancellation token is cancelled (by
/// <see cref="Cli.TerminationSignals"/> in the syncbridge process, by the caller in tests). It replaces
/// ConsoleLifetime, which would handle Ctrl+C and SIGTERM a second time and swallow the second signal that ends the
/// process at once.
/// </summary>
internal sealed class CommandLineHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
