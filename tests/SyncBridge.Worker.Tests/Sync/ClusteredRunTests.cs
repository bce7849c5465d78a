using System.Globalization;
using System.Text.Json;
using Npgsql;
using SyncBridge.Testing;
using SyncBridge.Worker.Tests.Updates;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>
/// <c>run</c> with <c>SyncBridge:Scheduler:Clustered</c>: worker processes share Quartz's clustered job store in one PostgreSQL
/// state schema (a schema per test, dropped afterwards). Each worker starts its own simulators with the same seed, so both read
/// identical simulated CRMs. The workers log JSON, so each "Ingest of … started/finished" line carries a full timestamp.
/// </summary>
public sealed class ClusteredRunTests : IDisposable
{
    private const int People = 2_000;
    private const int Simulated = People + (People / 25); // the simulator's duplicates: one more contact every 25 people
    private const string Source = "hubspot:contacts";
    private const string EverySecond = "0/1 * * * * ?";
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-cluster-").FullName;
    private readonly string _schema = PostgresTestServer.NewSchema();
    private readonly string _worker = Path.Combine(AppContext.BaseDirectory, "syncbridge.dll");

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        PostgresTestServer.DropSchema(_schema);
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Run_TwoClusteredWorkersOnOneSchema_BothCheckInNeverPollASourceAtOnceAndLoseNothing()
    {
        PostgresTestServer.EnsureReachable();
        var config = await WriteConfigAsync("cluster.json", EverySecond, readForms: false);
        using var first = Start("a", config);
        using var second = Start("b", config);

        // Both nodes check in under the one scheduler name, each with an instance id of its own.
        await ConsumerProcess.WaitUntilAsync(() => Scalar("SELECT COUNT(DISTINCT instance_name) FROM qrtz_scheduler_state WHERE sched_name = 'SyncBridge';") == 2, "both workers in qrtz_scheduler_state", WaitLimit, Ct, first, second);

        // HubSpot is slow (a request a second after a burst of 10; 21 pages): once the Salesforce backfills are done, stop whichever
        // worker runs the HubSpot backfill while it is under way; the other one has to carry on from the saved cursor, since the
        // per-second trigger fires on any node of the cluster.
        static bool Polling(ConsumerProcess worker) => Runs(worker).Any(r => r.Finished is null);
        await ConsumerProcess.WaitUntilAsync(
            () => (Polling(first) || Polling(second)) && HubSpotRecords() > 0
                && Scalar("SELECT COUNT(*) FROM source_runs WHERE source LIKE 'salesforce:%';") == 2,
            "a HubSpot page stored and the Salesforce backfills done", WaitLimit, Ct, first, second);
        var (busy, other) = Polling(first) ? (first, second) : (second, first);
        var atSignal = HubSpotRecords();
        Assert.True(atSignal < Simulated, $"the backfill finished before the test could stop a worker ({atSignal} records)");
        busy.Terminate();
        Assert.True(await busy.WaitAsync(TimeSpan.FromSeconds(60), Ct) == 0, busy.Log);

        await ConsumerProcess.WaitUntilAsync(() => HubSpotRecords() == Simulated && Runs(other).Any(r => r.Finished is not null), "the other worker finishing the backfill", WaitLimit, Ct, other);
        other.Terminate();
        Assert.True(await other.WaitAsync(TimeSpan.FromSeconds(60), Ct) == 0, other.Log);

        var busyRuns = Runs(busy);
        var otherRuns = Runs(other);
        Assert.NotEmpty(busyRuns);
        Assert.NotEmpty(otherRuns);
        Assert.All(busyRuns.Concat(otherRuns), r => Assert.NotNull(r.Finished));
        foreach (var mine in busyRuns)
        {
            foreach (var theirs in otherRuns)
            {
                Assert.True(
                    mine.Finished <= theirs.Started || theirs.Finished <= mine.Started,
                    $"{Source} polled by both workers at once: {mine.Started:O}..{mine.Finished:O} and {theirs.Started:O}..{theirs.Finished:O}");
            }
        }

        Assert.Equal(Simulated, HubSpotRecords());
        Assert.Equal(Simulated, Scalar("SELECT COUNT(DISTINCT source_id) FROM source_records WHERE system = 'hubspot';"));
    }

    [Fact]
    public async Task Run_ClusteredWorkerRestartedWithAChangedCron_ReplacesTheTriggerAndDropsTheSourceNoLongerConfigured()
    {
        PostgresTestServer.EnsureReachable();
        const string EveryTenMinutes = "0 0/10 * * * ?";
        var before = await WriteConfigAsync("before.json", EverySecond, readForms: true, people: 100);
        var after = await WriteConfigAsync("after.json", EveryTenMinutes, readForms: false, people: 100);

        using (var run = Start("a", before))
        {
            await ConsumerProcess.WaitUntilAsync(() => CronOf(Source) == EverySecond && Jobs("poll:hubspot:forms") == 1 && Started(run), "the first start's schedule", WaitLimit, Ct, run);
            run.Terminate();
            Assert.True(await run.WaitAsync(TimeSpan.FromSeconds(60), Ct) == 0, run.Log);
        }

        using var restarted = Start("a", after);
        await ConsumerProcess.WaitUntilAsync(() => CronOf(Source) == EveryTenMinutes && Jobs("poll:hubspot:forms") == 0 && Started(restarted), "the restart's schedule", WaitLimit, Ct, restarted);
        Assert.Contains("\"Job\":\"poll:hubspot:forms\"", restarted.Log, StringComparison.Ordinal); // "Removed job …: its source is no longer configured"
        restarted.Terminate();
        Assert.True(await restarted.WaitAsync(TimeSpan.FromSeconds(60), Ct) == 0, restarted.Log);

        Assert.Equal(EveryTenMinutes, CronOf(Source));
        Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM qrtz_cron_triggers WHERE trigger_name = 'cron:{Source}';"));
        Assert.Equal(0, Jobs("poll:hubspot:forms"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = 'cron:hubspot:forms';"));
        Assert.Equal(1, Jobs("poll:salesforce:leads"));
        Assert.DoesNotContain("ObjectAlreadyExists", restarted.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ClusteredOnTheSqliteStateStore_ExitsTwoNamingTheSetting()
    {
        var config = Path.Combine(_directory, "sqlite.json");
        await File.WriteAllTextAsync(config, """{"SyncBridge":{"Scheduler":{"Clustered":true},"Simulators":{"People":10},"Status":{"Urls":"http://127.0.0.1:0"}}}""", Ct);

        using var run = Start("sqlite", config);
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(code == 2, $"exit code {code}: {run.Log}");
        Assert.Contains("SyncBridge:Scheduler:Clustered", run.Log, StringComparison.Ordinal);
    }

    /// <summary>Whether the host has finished starting (the status page listens last): a SIGTERM before that is another matter.</summary>
    private static bool Started(ConsumerProcess worker) => worker.Log.Contains("\"Name\":\"Listening\"", StringComparison.Ordinal);

    private ConsumerProcess Start(string name, string config)
    {
        // Each worker has a working directory (and embedded queue) of its own; the state and the schedule are shared.
        var directory = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        return ConsumerProcess.Start(_worker, directory, ["run", "--config", config]);
    }

    /// <summary>
    /// HubSpot at 10 requests per 10 seconds, the given cron for hubspot:contacts, JSON logs. Quartz's idle wait is 1 s so a
    /// node that has nothing to fire looks again soon (the default, 30 s, would make the test wait that long for a take-over).
    /// </summary>
    private async Task<string> WriteConfigAsync(string name, string cron, bool readForms, int people = People)
    {
        var settings = new Dictionary<string, object>
        {
            ["SyncBridge"] = new Dictionary<string, object>
            {
                ["State"] = new Dictionary<string, object>
                {
                    ["Provider"] = "PostgreSql",
                    ["ConnectionString"] = PostgresTestServer.ConnectionString,
                    ["Schema"] = _schema,
                },
                ["Scheduler"] = new Dictionary<string, object>
                {
                    ["Clustered"] = true,
                    ["ClusterCheckinInterval"] = "00:00:05",
                    ["Sources"] = new Dictionary<string, string> { [Source] = cron },
                },
                ["Logging"] = new Dictionary<string, object> { ["Format"] = "json" },
                ["Simulators"] = new Dictionary<string, object> { ["People"] = people },
                ["Status"] = new Dictionary<string, object> { ["Urls"] = "http://127.0.0.1:0" },
                ["HubSpot"] = new Dictionary<string, object> { ["ReadForms"] = readForms, ["RequestsPer10Seconds"] = 10, ["HeadroomPercent"] = 0 },
            },
            ["Quartz"] = new Dictionary<string, object> { ["Scheduler"] = new Dictionary<string, object> { ["IdleWaitTime"] = "00:00:01" } },
        };
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(settings), Ct);
        return path;
    }

    /// <summary>The worker's polls of <see cref="Source"/>, from its "Ingest of … started" and "… finished" log events, in order.</summary>
    private static List<Run> Runs(ConsumerProcess worker)
    {
        var runs = new List<Run>();
        foreach (var line in worker.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            if (!root.TryGetProperty("Source", out var source) || source.GetString() != Source
                || !root.TryGetProperty("EventId", out var eventId) || !root.TryGetProperty("@m", out var message))
            {
                continue;
            }

            // SourceIngestor's events 1101 "Ingest of {Source} started ({Mode})" and 1103 "Ingest of {Source} finished: …".
            var id = eventId.GetProperty("Id").GetInt32();
            if (id is not (1101 or 1103))
            {
                continue;
            }

            Assert.StartsWith("Ingest of", message.GetString(), StringComparison.Ordinal);
            var at = DateTimeOffset.Parse(root.GetProperty("@t").GetString()!, CultureInfo.InvariantCulture);
            if (id == 1101)
            {
                runs.Add(new Run(at, null));
            }
            else if (id == 1103)
            {
                Assert.True(runs.Count > 0 && runs[^1].Finished is null, $"a finish without its start: {worker.Log}");
                runs[^1] = runs[^1] with { Finished = at };
            }
        }

        return runs;
    }


    private long HubSpotRecords() => Scalar("SELECT COUNT(*) FROM source_records WHERE system = 'hubspot';");

    private long Jobs(string name) => Scalar($"SELECT COUNT(*) FROM qrtz_job_details WHERE job_group = 'sources' AND job_name = '{name}';");

    private string? CronOf(string source)
    {
        try
        {
            using var connection = PostgresTestServer.OpenAdmin(_schema);
            using var command = new NpgsqlCommand("SELECT cron_expression FROM qrtz_cron_triggers WHERE trigger_name = @name;", connection);
            command.Parameters.AddWithValue("name", "cron:" + source);
            return command.ExecuteScalar() as string;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // the schema is being created
        }
    }

    private long Scalar(string sql)
    {
        try
        {
            using var connection = PostgresTestServer.OpenAdmin(_schema);
            using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // the schema is being created
        }
    }

    private sealed record Run(DateTimeOffset Started, DateTimeOffset? Finished);
}
