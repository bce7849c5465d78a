using System.Globalization;
using SyncBridge.Worker.Tests.Updates;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>
/// Issue 7: <c>run</c> stopped with SIGTERM in the middle of a backfill finishes the page in hand, saves its cursor,
/// exits cleanly, and the next start reads the rest: nothing is lost. The worker reads HubSpot at 20 requests per
/// 10 seconds, so after its first burst the next page waits seconds for the window: the signal is sent then, and the
/// graceful stop has to outlast that wait.
/// </summary>
public sealed class RunShutdownTests : IDisposable
{
    private const int People = 3_000;
    private const int Simulated = People + (People / 25); // the simulator's duplicates: one more contact every 25 people
    private const string HubSpotRecords = "SELECT COUNT(*) FROM source_records WHERE system = 'hubspot';";
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-shutdown-").FullName;
    private readonly string _database;
    private readonly string _worker = Path.Combine(AppContext.BaseDirectory, "syncbridge.dll");

    public RunShutdownTests() => _database = Path.Combine(_directory, "state.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Run_SigtermWhileAPageWaitsForTheRateLimit_FinishesThatPageExitsZeroAndTheNextStartLosesNothing()
    {
        using var run = ConsumerProcess.Start(_worker, _directory, ["run", "--config", await SlowHubSpotConfigAsync()]);
        var atSignal = await WaitUntilThePageInHandWaitsAsync(run);
        run.Terminate();

        // Regression: System.CommandLine ended the process 2 s after the signal (exit 143), in the middle of the stop.
        var code = await run.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var afterStop = SqliteProbe.Scalar(_database, HubSpotRecords);
        Assert.True(code == 0, $"exit code {code}: {run.Log}");
        Assert.True(run.Log.Contains("stopped after page", StringComparison.Ordinal), run.Log);
        Assert.True(afterStop > atSignal, $"the page in hand at the signal was not stored: {afterStop} HubSpot records, {atSignal} at the signal: {run.Log}");
        Assert.True(afterStop < Simulated, $"{afterStop} HubSpot records: the backfill did not stop early: {run.Log}");

        await AssertTheNextStartReadsTheRestAsync();
    }

    [Fact]
    public async Task Run_SecondSigterm_ExitsAtOnceAndTheNextStartStillLosesNothing()
    {
        using var run = ConsumerProcess.Start(_worker, _directory, ["run", "--config", await SlowHubSpotConfigAsync()]);
        var atSignal = await WaitUntilThePageInHandWaitsAsync(run);
        run.Terminate();
        await ConsumerProcess.WaitUntilAsync(() => run.Log.Contains("send it again to exit at once", StringComparison.Ordinal), "'send it again to exit at once' in the log", TimeSpan.FromSeconds(10), Ct, run);
        run.Terminate();

        // 143 is death by the signal: a graceful stop, which would wait for the page in hand, exits 0.
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.True(code == 128 + ConsumerProcess.Sigterm, $"exit code {code}: {run.Log}");
        var stored = SqliteProbe.Scalar(_database, HubSpotRecords);
        Assert.True(stored >= atSignal && stored < Simulated, $"{stored} HubSpot records ({atSignal} at the first signal)");

        await AssertTheNextStartReadsTheRestAsync();
    }

    [Fact]
    public async Task Run_SigtermWhileStarting_ExitsZero()
    {
        using var run = ConsumerProcess.Start(_worker, _directory, ["run", "--config", await SlowHubSpotConfigAsync()]);
        await ConsumerProcess.WaitUntilAsync(() => run.Log.Contains("State store ready", StringComparison.Ordinal), "'State store ready' in the log", TimeSpan.FromSeconds(10), Ct, run); // the host is being built and started now
        run.Terminate();

        var code = await run.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.True(code == 0, $"exit code {code}: {run.Log}");
    }

    private async Task AssertTheNextStartReadsTheRestAsync()
    {
        var config = await WriteConfigAsync("settings.json", string.Empty);
        using var resume = ConsumerProcess.Start(_worker, _directory, ["sync", "--once", "--source", "hubspot:contacts", "--config", config]);
        Assert.True(await resume.WaitAsync(TimeSpan.FromSeconds(120), Ct) == 0, resume.Log);
        var contacts = SqliteProbe.Scalar(_database, HubSpotRecords);
        Assert.True(Simulated == contacts, $"{contacts} HubSpot records after the resume, {Simulated} simulated: {resume.Log}");
    }

    /// <summary>HubSpot at 20 requests per 10 seconds (2 a second): the backfill (31 pages) goes on for ~15 s.</summary>
    private Task<string> SlowHubSpotConfigAsync() => WriteConfigAsync("slow.json", ",\"RequestsPer10Seconds\":20,\"HeadroomPercent\":0");

    private async Task<string> WriteConfigAsync(string name, string hubSpot)
    {
        var path = Path.Combine(_directory, name);
        var settings = "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + _database.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}," +
            "\"Simulators\":{\"People\":" + People.ToString(CultureInfo.InvariantCulture) + "}," +
            "\"Status\":{\"Urls\":\"http://127.0.0.1:0\"}," +
            "\"HubSpot\":{\"ReadForms\":false" + hubSpot + "}}}";
        await File.WriteAllTextAsync(path, settings, Ct);
        return path;
    }

    /// <summary>
    /// Waits until the worker has stored HubSpot pages and then none for 1.5 s: the first burst spent the 10-second
    /// window, so the page it reads now waits seconds for the limiter. Returns how many HubSpot records it had.
    /// </summary>
    private async Task<long> WaitUntilThePageInHandWaitsAsync(ConsumerProcess run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long last = -1;
        var unchangedSince = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(run.HasExited, run.Log);
            var stored = Count();
            if (stored != last)
            {
                last = stored;
                unchangedSince = clock.Elapsed;
            }
            else if (stored > 0 && clock.Elapsed - unchangedSince >= TimeSpan.FromSeconds(1.5))
            {
                Assert.True(stored < Simulated, $"the backfill finished before the test could stop it ({stored} records): {run.Log}");
                return stored;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"run stored no HubSpot page, or never paused, within 60 s ({last} records): {run.Log}");
    }

    private long Count()
    {
        if (!File.Exists(_database))
        {
            return 0;
        }

        try
        {
            return SqliteProbe.Scalar(_database, HubSpotRecords);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the schema is being created
        }
    }
}
