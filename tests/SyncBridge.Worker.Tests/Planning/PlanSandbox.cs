using Microsoft.Data.Sqlite;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Planning;

/// <summary>
/// A temporary directory with a settings file (state store inside it, a small simulated population) for the
/// <c>plan --live</c> and <c>apply</c> tests, and a way to run verbs in-process against it.
/// </summary>
internal sealed class PlanSandbox : IDisposable
{
    public PlanSandbox(int people)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("syncbridge-plan-").FullName;
        StatePath = Path.Combine(Directory, "state.db");
        ConfigPath = Path.Combine(Directory, "settings.json");
        System.IO.File.WriteAllText(ConfigPath,
            "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + StatePath.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}," +
            "\"Simulators\":{\"People\":" + people.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}");
    }

    public string Directory { get; }

    public string StatePath { get; }

    public string ConfigPath { get; }

    public string File(string name) => Path.Combine(Directory, name);

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", ConfigPath], new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A row count of the state store, or 0 when the table does not exist yet.</summary>
    public long Count(string table)
    {
        if (!System.IO.File.Exists(StatePath))
        {
            return 0;
        }

        var exists = SqliteProbe.Scalar(StatePath, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';");
        return exists == 0 ? 0 : SqliteProbe.Scalar(StatePath, $"SELECT COUNT(*) FROM {table};");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
