using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SyncBridge.Worker.Web;

/// <summary>Hosts the <see cref="StatusWebServer"/> inside <c>run</c> while <see cref="StatusOptions.Enabled"/> is set.</summary>
internal sealed class StatusWebHostedService(IServiceProvider services, IOptions<StatusOptions> options) : IHostedService, IAsyncDisposable
{
    private StatusWebServer? _server;

    /// <summary>The running server (null before start or when disabled).</summary>
    public StatusWebServer? Server => _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            _server = await StatusWebServer.StartAsync(services, options.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
