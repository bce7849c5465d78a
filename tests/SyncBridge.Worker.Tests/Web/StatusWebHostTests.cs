using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Tests.Web;

/// <summary>The status web server inside <c>run</c>'s host, its configuration errors, and readiness with a CRM down.</summary>
public sealed class StatusWebHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-webhost-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Run_StatusUrlNotHttp_StopsBeforeStartingNamingTheSetting()
    {
        var config = await WriteSettingsAsync(",\"Status\":{\"Urls\":\"https://127.0.0.1:8443\"}");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await SyncBridgeCli.InvokeAsync(["run", "--config", config], new CliContext(output, error, TimeProvider.System), Ct);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("SyncBridge:Status:Urls", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunHost_Started_ServesHealthzAndReadyzOnTheBoundPortUntilStopped()
    {
        await using var connected = await RunHostAsync(",\"Status\":{\"Urls\":\"http://127.0.0.1:0\"},\"Scheduler\":{\"RunOnStart\":false}");

        await connected.Host.StartAsync(Ct);
        var address = connected.Services.GetRequiredService<StatusWebHostedService>().Server?.Address;
        Assert.NotNull(address);
        using var http = new HttpClient { BaseAddress = address };
        using (var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        }

        using (var readyz = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct))
        {
            Assert.True(readyz.StatusCode == HttpStatusCode.OK, await readyz.Content.ReadAsStringAsync(Ct));
        }

        await connected.Host.StopAsync(Ct);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct));
    }

    [Fact]
    public async Task RunHost_StatusDisabled_StartsNoServer()
    {
        await using var connected = await RunHostAsync(",\"Status\":{\"Enabled\":false},\"Scheduler\":{\"RunOnStart\":false}");

        await connected.Host.StartAsync(Ct);
        try
        {
            Assert.Null(connected.Services.GetRequiredService<StatusWebHostedService>().Server);
        }
        finally
        {
            await connected.Host.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task Readyz_HubSpotUnreachable_Returns503NamingTheFailedCheckWithoutSecrets()
    {
        // A HubSpot "configured for real" at a loopback port nobody listens on; Salesforce stays the simulator.
        var closedPort = ClosedPort();
        var config = await WriteSettingsAsync(
            ",\"HubSpot\":{\"AccessToken\":\"pat-na1-secret-token\",\"BaseUrl\":\"http://127.0.0.1:" + closedPort + "\",\"MaxRetries\":0}");
        await using var connected = await ConnectedHost.TryStartAsync(
            new CliContext(new StringWriter(), new StringWriter(), TimeProvider.System), new HostSettings { ConfigFiles = [config] }, Ct);
        Assert.NotNull(connected);
        await using var server = await StatusWebServer.StartAsync(connected.Services, new StatusOptions { Urls = "http://127.0.0.1:0" }, Ct);
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["hubspot"]);
        Assert.Equal("Healthy", checks["salesforce"]);
        Assert.Equal("Healthy", checks["state-store"]);
        Assert.DoesNotContain("pat-na1-secret-token", body, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host <c>run</c> builds (background services and the status web host), not started yet.</summary>
    private async Task<ConnectedHost> RunHostAsync(string extraSettings)
    {
        var config = await WriteSettingsAsync(extraSettings);
        var connected = await ConnectedHost.TryStartAsync(
            new CliContext(new StringWriter(), new StringWriter(), TimeProvider.System),
            new HostSettings { ConfigFiles = [config], RunBackgroundServices = true },
            Ct,
            builder => builder.Services.AddStatusWebHost());
        Assert.NotNull(connected);
        return connected;
    }

    private async Task<string> WriteSettingsAsync(string extra)
    {
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, StatusWebFixture.Settings(_directory, 30, extra), Ct);
        return config;
    }
}
