using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Cli;

/// <summary>appsettings.sample.json documents every setting: it must load and pass validation in every verb that reads it.</summary>
public sealed class SampleSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-sample-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var local = Path.Combine(_directory, "local.json");
        await File.WriteAllTextAsync(local, "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + Path.Combine(_directory, "state.db").Replace("\\", "\\\\", StringComparison.Ordinal) + "\"},\"Queue\":{\"Embedded\":{\"Path\":\"" + Path.Combine(_directory, "queue.db").Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}},\"Simulators\":{\"People\":20}}}", TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();
        string[] all = [.. args, "--config", RepositoryFiles.Path("appsettings.sample.json"), "--config", local];
        var code = await SyncBridgeCli.InvokeAsync(all, new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Sync_WithTheSampleSettings_StartsAndPolls()
    {
        var (code, output, err) = await RunAsync("sync");
        Assert.True(code == 0, err);
        Assert.Contains("hubspot:contacts:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueStatus_WithTheSampleSettings_ReportsTheEmbeddedQueue()
    {
        var (code, output, err) = await RunAsync("queue", "status");
        Assert.True(code == 0, err);
        Assert.Contains("transport: embedded", output, StringComparison.Ordinal);
        Assert.Contains("outbox pending: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WithTheSampleSettings_DecidesAndKnowsTheSampleSegments()
    {
        var contacts = Path.Combine(AppContext.BaseDirectory, "Data", "plan", "contacts.csv");
        var (code, output, err) = await RunAsync("plan", "--contacts", contacts, "--as-of", "2026-11-22T00:00:00Z", "--format", "json");
        Assert.True(code == 0, err);
        Assert.Contains("\"summary\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", err, StringComparison.OrdinalIgnoreCase);
    }
}
