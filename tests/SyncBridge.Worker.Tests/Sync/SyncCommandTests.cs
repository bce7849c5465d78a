using System.Text.RegularExpressions;
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
    public async Task Sync_OnceWithOneSource_PollsOnlyThatSourceThenDrainsTheUpdatePath()
    {
        var (code, output, err) = await RunAsync(Settings(60), "sync", "--once", "--source", "salesforce:leads");

        Assert.True(code == 0, err);
        Assert.Contains("salesforce:leads:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hubspot:contacts:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("salesforce:contacts:", output, StringComparison.Ordinal);
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
    public async Task Sync_SimulatorsDisabledAndNoCredentials_SaysThereIsNothingToPoll()
    {
        var (code, output, _) = await RunAsync(Settings(10, ",\"Simulators\":{\"Enabled\":false}").Replace("\"Simulators\":{\"People\":10},", string.Empty, StringComparison.Ordinal), "sync");
        Assert.Equal(0, code);
        Assert.Contains("no sources", output, StringComparison.Ordinal);
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
