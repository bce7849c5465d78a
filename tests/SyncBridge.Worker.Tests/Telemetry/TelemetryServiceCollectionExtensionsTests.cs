using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using SyncBridge.Worker.Telemetry;

namespace SyncBridge.Worker.Tests.Telemetry;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSyncBridgeTelemetry_TwoHostsInOneProcess_EachScrapeShowsOnlyItsOwnFigures()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = new ServiceCollection().AddLogging().AddSyncBridgeTelemetry().BuildServiceProvider();
        await using var second = new ServiceCollection().AddLogging().AddSyncBridgeTelemetry().AddSyncBridgeTelemetry().BuildServiceProvider();
        first.GetRequiredService<SyncBridgeMetrics>().RecordPolled("hubspot:contacts", 5);
        second.GetRequiredService<SyncBridgeMetrics>().RecordPolled("hubspot:contacts", 7);

        Assert.Contains("source=\"hubspot:contacts\"} 5\n", await ScrapeAsync(first.GetRequiredService<MeterProvider>(), ct), StringComparison.Ordinal);
        Assert.Contains("source=\"hubspot:contacts\"} 7\n", await ScrapeAsync(second.GetRequiredService<MeterProvider>(), ct), StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(MeterProvider provider, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics", provider, null, null);
        await app.StartAsync(cancellationToken);
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(new Uri(app.Urls.First()), "/metrics"), cancellationToken);
        await app.StopAsync(cancellationToken);
        return text;
    }
}
