using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Storage;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>
/// <c>sync</c> on embedded defaults: no credentials, so both CRMs are the built-in simulators on 127.0.0.1, reached
/// through the real connectors, Refit clients and resilience pipelines.
/// </summary>
public sealed partial class SyncCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-sync-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(string settingsJson, params string[] args)
    {
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, settingsJson, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", config], new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private string Settings(int people, string extra = "") =>
        "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + Path.Combine(_directory, "state.db").Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}," +
        "\"Simulators\":{\"People\":" + people + "}" + extra + "}}";

    [Fact]
    public async Task Sync_NoCredentials_PollsEverySimulatedSourceAndSecondRunReadsNothingNew()
    {
        var (code, output, err) = await RunAsync(Settings(120), "sync");
        Assert.True(code == 0, err);
        var hubspot = Summary().Match(output.Split('\n').Single(l => l.StartsWith("hubspot:contacts", StringComparison.Ordinal)));
        Assert.True(hubspot.Success, output);
        Assert.True(int.Parse(hubspot.Groups["contacts"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 120);
        Assert.Contains("salesforce:leads:", output, StringComparison.Ordinal);
        Assert.Contains("salesforce:contacts:", output, StringComparison.Ordinal);
        Assert.Contains("(built-in simulator)", output, StringComparison.Ordinal);
        Assert.Contains(" 0 record errors", output, StringComparison.Ordinal);
        Assert.Contains("created HubSpot properties: ", output, StringComparison.Ordinal);
        Assert.Contains("syncbridge_marketing_decision", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_OnceWithOneSource_PollsOnlyThatSourceThenDecidesAndAppliesItsUpdates()
    {
        var (code, output, err) = await RunAsync(Settings(60), "sync", "--once", "--source", "salesforce:leads");

        Assert.True(code == 0, err);
        Assert.Contains("salesforce:leads:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hubspot:contacts:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("salesforce:contacts:", output, StringComparison.Ordinal);
        var updates = UpdatePathOutput.Updates().Match(output);
        Assert.True(updates.Success, output);
        Assert.Equal(updates.Groups["dispatched"].Value, updates.Groups["applied"].Value);
        Assert.Equal("0", updates.Groups["dead"].Value);
    }

    [Fact]
    public async Task Sync_NoCredentials_DecidesEveryPersonAndAppliesEveryQueuedUpdateThenNothingTheSecondTime()
    {
        var (code, output, err) = await RunAsync(Settings(90), "sync");
        Assert.True(code == 0, err);

        var decided = UpdatePathOutput.Decided().Match(output);
        var updates = UpdatePathOutput.Updates().Match(output);
        Assert.True(decided.Success && updates.Success, output);
        var path = Path.Combine(_directory, "state.db");
        Assert.Equal(SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM persons;"), long.Parse(decided.Groups["persons"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var queued = int.Parse(decided.Groups["queued"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(queued >= 90, $"only {queued} updates queued for 90+ people in two CRMs");
        Assert.Equal(decided.Groups["queued"].Value, updates.Groups["dispatched"].Value);
        Assert.Equal(decided.Groups["queued"].Value, updates.Groups["applied"].Value);
        Assert.Equal("0", updates.Groups["dead"].Value);
        Assert.Equal(SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM persons;"), SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM decisions;"));
        Assert.Equal(0, SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL;"));

        (code, output, err) = await RunAsync(Settings(90), "sync");
        Assert.True(code == 0, err);
        Assert.Contains("decisions: 0 persons decided", output, StringComparison.Ordinal);
        Assert.Contains("updates: dispatched 0; received 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnknownSource_StopsNamingTheOptionAndTheSources()
    {
        var (code, _, err) = await RunAsync(Settings(10), "sync", "--source", "marketo:leads");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("--source", err, StringComparison.Ordinal);
        Assert.Contains("marketo:leads", err, StringComparison.Ordinal);
        Assert.Contains("hubspot:contacts", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_NoCredentials_StoresAContactForEverySourceLinkUnderItsPerson()
    {
        var (code, _, err) = await RunAsync(Settings(120), "sync");
        Assert.True(code == 0, err);

        var path = Path.Combine(_directory, "state.db");
        var links = SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM source_links;");
        Assert.True(links >= 120, $"{links} source links");
        Assert.Equal(0, SqliteProbe.Scalar(path, """
            SELECT COUNT(*) FROM source_links l LEFT JOIN source_records r
                ON r.system = l.system AND r.object_type = l.object_type AND r.source_id = l.source_id
            WHERE r.source_id IS NULL OR r.person_id <> l.person_id;
            """));

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SyncBridge:State:SqlitePath"] = path })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddSqliteStateStore(configuration).BuildServiceProvider();
        var contacts = services.GetRequiredService<IContactStore>();
        var changed = await contacts.ListChangedPersonsAsync(0, int.MaxValue, TestContext.Current.CancellationToken);
        Assert.Equal(SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM persons;"), changed.PersonIds.Count);
        var identities = services.GetRequiredService<IIdentityStore>();
        var stored = await contacts.GetContactsOfPersonsAsync(changed.PersonIds, TestContext.Current.CancellationToken);
        Assert.Equal(links, stored.Values.Sum(c => c.Count));
        foreach (var personId in changed.PersonIds.Take(40))
        {
            var person = await identities.GetPersonAsync(personId, TestContext.Current.CancellationToken);
            Assert.Equal(person!.Sources.Select(s => s.ToString()).Order(StringComparer.Ordinal), stored[personId].Select(c => c.Source.ToString()).Order(StringComparer.Ordinal));
            Assert.All(stored[personId], c => Assert.False(string.IsNullOrEmpty(c.Email.Original) && string.IsNullOrEmpty(c.FamilyName) && c.Phone.IsEmpty, "an empty contact was stored"));
        }
    }

    [Fact]
    public async Task Sync_SimulatorsDisabledAndNoCredentials_SaysThereIsNothingToPoll()
    {
        var (code, output, _) = await RunAsync(Settings(10, ",\"Simulators\":{\"Enabled\":false}").Replace("\"Simulators\":{\"People\":10},", string.Empty, StringComparison.Ordinal), "sync");
        Assert.Equal(0, code);
        Assert.Contains("no sources", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmbeddedDefaults_PollsDecidesAndAppliesInTheBackgroundUntilStopped()
    {
        // The status page on a free port: a fixed one may be taken on the machine running the tests.
        var settings = Settings(60, ",\"Outbox\":{\"DecideInterval\":\"00:00:01\",\"DispatchInterval\":\"00:00:00.200\"},\"Consumer\":{\"IdleDelay\":\"00:00:00.200\"},\"Status\":{\"Urls\":\"http://127.0.0.1:0\"}");
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, settings, TestContext.Current.CancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var error = new StringWriter();
        var run = SyncBridgeCli.InvokeAsync(["run", "--config", config], new CliContext(new StringWriter(), error, TimeProvider.System), stop.Token);

        // Done when every person has a decision, updates went out and nothing is pending or queued, and that still holds
        // after more than one decide interval (a source finishing late would make the decider queue more).
        var path = Path.Combine(_directory, "state.db");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var done = false;
        TimeSpan? settledSince = null;
        while (!done && !run.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            var settled = File.Exists(path) && Tables(path).Contains("messages")
                && SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM decisions;") > 0
                && SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM decisions;") == SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM persons;")
                && SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM outbox;") > 0
                && SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL;") == 0
                && SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM messages;") == 0;
            settledSince = settled ? settledSince ?? clock.Elapsed : null;
            done = settledSince is { } since && clock.Elapsed - since >= TimeSpan.FromSeconds(1.5);
        }

        await stop.CancelAsync();
        var code = await run;
        Assert.True(done, $"run did not decide and apply everything within 90 s (exit {code}): {error}");
        Assert.Equal(0, SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM dead_letters;"));
        // Every record written to ends at the last version the outbox sent it (run may decide mid-ingest, then again).
        Assert.Equal(
            SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM (SELECT DISTINCT system, object_type, record_id FROM outbox);"),
            SqliteProbe.Scalar(path, """
                SELECT COUNT(*) FROM (SELECT system, object_type, record_id, MAX(version) AS last FROM outbox GROUP BY system, object_type, record_id) o
                JOIN applied_updates a ON a.system = o.system AND a.object_type = o.object_type AND a.record_id = o.record_id
                WHERE a.applied_version = o.last;
                """));
    }

    private static HashSet<string> Tables(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    [Fact]
    public async Task Run_BadPollCron_StopsAtStartNamingTheSetting()
    {
        var (code, _, err) = await RunAsync(Settings(10, ",\"Scheduler\":{\"PollCron\":\"every five minutes\"}"), "run");
        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("SyncBridge:Scheduler:PollCron", err, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^hubspot:contacts: (?<pages>\d+) pages, (?<contacts>\d+) contacts into (?<persons>\d+) persons")]
    private static partial Regex Summary();
}
