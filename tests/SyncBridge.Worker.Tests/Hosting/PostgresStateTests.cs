using System.Globalization;
using System.Text.Json;
using Npgsql;
using SyncBridge.Testing;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Hosting;

/// <summary>
/// The verbs on the PostgreSQL state store (<c>SyncBridge:State:Provider = PostgreSql</c>) against the real server that
/// infra/local/start-postgresql.sh runs: a sync cycle stores, decides and applies there, and <c>report</c> reads it back.
/// Each test works in a schema of its own, dropped afterwards.
/// </summary>
public sealed class PostgresStateTests : IDisposable
{
    private const string Password = "never-printed-secret";
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-pgstate-").FullName;
    private readonly string _schema = PostgresTestServer.NewSchema();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        PostgresTestServer.DropSchema(_schema);
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SyncThenReport_PostgreSqlState_StoresDecidesAppliesThereAndTheReportReadsItBack()
    {
        PostgresTestServer.EnsureReachable();
        var config = await WriteSettingsAsync(PostgresTestServer.ConnectionString);

        var (code, output, error) = await CliAsync("sync", "--config", config);
        Assert.True(code == 0, error + output);

        var persons = Scalar("SELECT COUNT(*) FROM persons;");
        Assert.True(persons >= 60, $"{persons} persons stored in schema {_schema}");
        Assert.Equal(persons, Scalar("SELECT COUNT(*) FROM decisions;"));
        Assert.True(Scalar("SELECT COUNT(*) FROM outbox;") > 0, "no update was queued");
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL;"));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM outbox;"), Scalar("SELECT COUNT(*) FROM applied_updates WHERE applied_version IS NOT NULL;"));
        Assert.False(File.Exists(Path.Combine(_directory, "state.db")), "a SQLite state file was created beside the PostgreSQL store");

        (code, output, error) = await CliAsync("report", "--format", "json", "--config", config);
        Assert.True(code == 0, error + output);
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.StartsWith("postgresql://127.0.0.1:", root.GetProperty("stateStore").GetString(), StringComparison.Ordinal);
        Assert.Contains(_schema, root.GetProperty("stateStore").GetString(), StringComparison.Ordinal);
        Assert.Equal(persons, root.GetProperty("latest").GetProperty("persons").GetInt64());
        var sources = root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("hubspot:contacts", sources);
        Assert.Contains("salesforce:leads", sources);
    }

    [Fact]
    public async Task Sync_PostgreSqlServerUnreachable_ExitsTwoNamingTheSettingWithoutThePassword()
    {
        var config = await WriteSettingsAsync($"Host=127.0.0.1;Port=1;Username=syncbridge;Password={Password};Database=syncbridge;Timeout=3");

        var (code, output, error) = await CliAsync("sync", "--config", config);

        Assert.True(code == ExitCodes.Configuration, $"exit {code}: {error}{output}");
        Assert.Contains("SyncBridge:State:ConnectionString", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error + output, StringComparison.Ordinal);
    }

    private async Task<string> WriteSettingsAsync(string connectionString)
    {
        var settings = new Dictionary<string, object>
        {
            ["SyncBridge"] = new Dictionary<string, object>
            {
                ["State"] = new Dictionary<string, object>
                {
                    ["Provider"] = "PostgreSql",
                    ["ConnectionString"] = connectionString,
                    ["Schema"] = _schema,
                    ["SqlitePath"] = Path.Combine(_directory, "state.db"),
                },
                ["Queue"] = new Dictionary<string, object> { ["Embedded"] = new Dictionary<string, object> { ["Path"] = Path.Combine(_directory, "queue.db") } },
                ["Simulators"] = new Dictionary<string, object> { ["People"] = 60 },
            },
        };
        var path = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(settings), Ct);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync(args, new CliContext(output, error, TimeProvider.System), Ct);
        return (code, output.ToString(), error.ToString());
    }

    private long Scalar(string sql)
    {
        using var connection = PostgresTestServer.OpenAdmin(_schema);
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
