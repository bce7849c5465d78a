using System.Globalization;
using System.Runtime.InteropServices;
using SyncBridge.Worker.Tests.Updates;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>
/// Issue 7: <c>run</c> stopped with SIGTERM in the middle of a backfill finishes the page in hand, saves its cursor,
/// exits cleanly, and the next start reads the rest: nothing is lost.
/// </summary>
public sealed class RunShutdownTests : IDisposable
{
    private const int People = 3_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-shutdown-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Run_SigtermDuringBackfill_FinishesThePageStopsAndTheNextStartLosesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = Path.Combine(_directory, "state.db");
        // The worker reads HubSpot at 2 requests a second, so the backfill (31 pages) is still going when it is stopped.
        var slow = await WriteConfigAsync("slow.json", database, ",\"RequestsPer10Seconds\":20,\"HeadroomPercent\":0", ct);
        var config = await WriteConfigAsync("settings.json", database, string.Empty, ct);
        var worker = Path.Combine(AppContext.BaseDirectory, "syncbridge.dll");

        using var run = ConsumerProcess.Start(worker, _directory, ["run", "--config", slow]);
        var stoppedAt = await WaitForFirstPagesAsync(database, run, ct);
        Assert.True(Signals.Kill(run.Id, Signals.Sigterm) == 0, "kill(SIGTERM) failed");

        var code = await run.WaitAsync(TimeSpan.FromSeconds(60), ct);
        var persons = SqliteProbe.Scalar(database, "SELECT COUNT(*) FROM source_records WHERE system = 'hubspot';");
        Assert.True(code == 0, run.Log);
        Assert.True(run.Log.Contains("stopped after page", StringComparison.Ordinal), run.Log);
        Assert.True(persons >= stoppedAt && persons <= People - 1, $"{persons} HubSpot records after the stop (first seen {stoppedAt}): {run.Log}"); // it stopped early, keeping what it stored

        using var resume = ConsumerProcess.Start(worker, _directory, ["sync", "--once", "--source", "hubspot:contacts", "--config", config]);
        Assert.True(await resume.WaitAsync(TimeSpan.FromSeconds(120), ct) == 0, resume.Log);
        var contacts = SqliteProbe.Scalar(database, "SELECT COUNT(*) FROM source_records WHERE system = 'hubspot';");
        var simulated = People + (People / 25); // the simulator's duplicates: one more contact every 25 people
        Assert.True(simulated == contacts, $"{contacts} HubSpot records after the resume, {simulated} simulated: {resume.Log}");
    }

    private async Task<string> WriteConfigAsync(string name, string database, string hubSpot, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, name);
        var settings = "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + database.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}," +
            "\"Simulators\":{\"People\":" + People.ToString(CultureInfo.InvariantCulture) + "}," +
            "\"Status\":{\"Urls\":\"http://127.0.0.1:0\"}," +
            "\"HubSpot\":{\"ReadForms\":false" + hubSpot + "}}}";
        await File.WriteAllTextAsync(path, settings, cancellationToken);
        return path;
    }

    /// <summary>Waits until the worker has stored some HubSpot pages (but not all); returns how many records it had.</summary>
    private static async Task<long> WaitForFirstPagesAsync(string database, ConsumerProcess run, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 600; i++)
        {
            Assert.False(run.HasExited, run.Log);
            if (File.Exists(database))
            {
                try
                {
                    var stored = SqliteProbe.Scalar(database, "SELECT COUNT(*) FROM source_records WHERE system = 'hubspot';");
                    if (stored > 0)
                    {
                        return stored;
                    }
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // The schema is being created.
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException("run stored no HubSpot page within 30 s: " + run.Log);
    }

    /// <summary>POSIX kill(2) from libc: SIGTERM without depending on a kill binary being installed.</summary>
    private static class Signals
    {
        public const int Sigterm = 15;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
