using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Tests.Web;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary><c>SyncBridge:Scheduler:ShutdownTimeout</c> bounds <c>run</c>'s graceful stop; a bad value stops it at start.</summary>
public sealed class ShutdownTimeoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-shutdown-settings-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RunHost_ShutdownTimeoutSet_IsTheHostsShutdownTimeoutAndItsLifetimeIsTheVerbs()
    {
        var config = await WriteSettingsAsync(",\"Scheduler\":{\"ShutdownTimeout\":\"00:01:15\",\"RunOnStart\":false}");
        await using var connected = await ConnectedHost.TryStartAsync(
            new CliContext(new StringWriter(), new StringWriter(), TimeProvider.System),
            new HostSettings { ConfigFiles = [config], RunBackgroundServices = true },
            Ct);

        Assert.NotNull(connected);
        Assert.Equal(TimeSpan.FromSeconds(75), connected.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        // Not ConsoleLifetime: it would take Ctrl+C and SIGTERM from TerminationSignals, and swallow the second one.
        Assert.IsType<CommandLineHostLifetime>(connected.Services.GetRequiredService<IHostLifetime>());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    [InlineData("01:00:00")]
    public async Task Run_ShutdownTimeoutOutOfRange_StopsBeforeStartingNamingTheSetting(string timeout)
    {
        var config = await WriteSettingsAsync(",\"Scheduler\":{\"ShutdownTimeout\":\"" + timeout + "\"}");
        var error = new StringWriter();

        var code = await SyncBridgeCli.InvokeAsync(["run", "--config", config], new CliContext(new StringWriter(), error, TimeProvider.System), Ct);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("SyncBridge:Scheduler:ShutdownTimeout", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> WriteSettingsAsync(string extra)
    {
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, StatusWebFixture.Settings(_directory, 10, extra + ",\"Status\":{\"Urls\":\"http://127.0.0.1:0\"}"), Ct);
        return config;
    }
}
