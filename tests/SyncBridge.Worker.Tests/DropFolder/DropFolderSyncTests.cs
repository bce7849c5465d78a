using SyncBridge.Worker.Cli;
using SyncBridge.Worker.DropFolder;

namespace SyncBridge.Worker.Tests.DropFolder;

/// <summary><c>sync</c> with a drop folder configured: the folder is a source like any other, and a missing folder stops start-up.</summary>
public sealed class DropFolderSyncTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-drop-sync-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    private async Task<(int Code, string Out, string Err)> RunAsync(string folder, params string[] args)
    {
        var config = Path.Combine(_directory, "settings.json");
        var settings = "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + Escape(Path.Combine(_directory, "state.db")) + "\"}," +
            "\"Simulators\":{\"People\":5},\"DropFolder\":{\"Path\":\"" + Escape(folder) + "\",\"MinFileAge\":\"00:00:00\"}}}";
        await File.WriteAllTextAsync(config, settings, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", config], new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task SyncOnce_DropFolderSource_IngestsTheFileAndMovesItToProcessed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "drop")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "leads.csv"), "source,source_id,email,first_name,last_name\nexpo,E-1,eve@example.org,Eve,Example\nexpo,E-2,bob@example.org,Bob,Example\n", TestContext.Current.CancellationToken);

        var (code, output, err) = await RunAsync(folder, "sync", "--once", "--source", CsvDropFolderSource.SourceName);

        Assert.True(code == 0, err + output);
        Assert.Contains("csv:dropfolder:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hubspot:contacts:", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "processed", "leads.csv")));
        Assert.Equal(2, SqliteProbe.Scalar(Path.Combine(_directory, "state.db"), "SELECT COUNT(*) FROM source_links WHERE system = 'csv' AND object_type = 'expo';"));
    }

    [Fact]
    public async Task Sync_DropFolderMissing_StopsNamingTheSetting()
    {
        var (code, _, err) = await RunAsync(Path.Combine(_directory, "not-there"), "sync", "--once");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("SyncBridge:DropFolder:Path", err, StringComparison.Ordinal);
    }
}
