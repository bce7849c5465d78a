using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Commands;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Reporting;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Tests.Reporting;

/// <summary><c>report</c> end to end on a real SQLite state store seeded through the real stores (report store, state store, outbox).</summary>
public sealed class ReportCommandTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T = ReportModels.Now;

    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-report-").FullName;
    private readonly string _database;
    private readonly string _config;
    private readonly ServiceProvider _services;

    public ReportCommandTests()
    {
        _database = Path.Combine(_directory, "state", "syncbridge.db");
        _config = WriteConfig("settings.json", _database);
        var configuration = new ConfigurationBuilder().AddJsonFile(_config).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(T))
            .AddSqliteStateStore(configuration)
            .BuildServiceProvider();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string WriteConfig(string name, string database)
    {
        var path = Path.Combine(_directory, name);
        var settings = new JsonObject { ["SyncBridge"] = new JsonObject { ["State"] = new JsonObject { ["SqlitePath"] = database } } };
        File.WriteAllText(path, settings.ToJsonString());
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> CliAsync(string config, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", config], new CliContext(output, error, TimeProvider.System), Ct);
        return (code, output.ToString(), error.ToString());
    }

    private Task<(int Code, string Out, string Err)> ReportAsync(params string[] args) => CliAsync(_config, ["report", .. args]);

    private static PersonChangeSet ChangeSet(string personId, string hubSpotId, LifecycleStage stage, bool marketing, string reasons) => new(
        new DecisionRecord(personId, stage, marketing ? MarketingStatus.Marketing : MarketingStatus.NonMarketing, reasons, 55.5, Hot: false, T, string.Empty),
        [
            new TargetChange(
                new SourceRef(SourceSystem.HubSpot, "contact", hubSpotId),
                new Dictionary<string, string>(StringComparer.Ordinal) { ["lifecyclestage"] = stage.ToWireName() },
                new Dictionary<string, string>(StringComparer.Ordinal) { ["lifecyclestage"] = stage.ToWireName() }),
        ]);

    /// <summary>Two decision runs, two sources (one failing), a cursor, and two persons' decisions with their updates in the outbox.</summary>
    private async Task SeedAsync()
    {
        var reports = _services.GetRequiredService<IReportStore>();
        await reports.SaveDecisionRunAsync(ReportModels.Run(T.AddDays(-1), 4300), Ct);
        await reports.SaveDecisionRunAsync(ReportModels.Run(T, 4400), Ct);
        await reports.SaveSourceRunAsync(new SourceRunRecord("hubspot-contacts", T.AddMinutes(-2), T.AddMinutes(-1), 3, 250, 0, string.Empty), Ct);
        await reports.SaveSourceRunAsync(new SourceRunRecord("salesforce-leads", T.AddMinutes(-2), T.AddMinutes(-2), 0, 0, 0, "<script>alert(1)</script> 401 Unauthorized"), Ct);
        await _services.GetRequiredService<IStateStore>().SaveCursorAsync("hubspot-contacts", new SourceCursor(T.AddMinutes(-3), "501"), Ct);
        await _services.GetRequiredService<IOutboxStore>().CommitAsync(
            [ChangeSet("person-a", "101", LifecycleStage.MarketingQualifiedLead, true, "engaged_recently"), ChangeSet("person-b", "102", LifecycleStage.Lead, false, "dormant")],
            Ct);
    }

    [Fact]
    public async Task Report_Json_ReadsRunsSourcesQueueAndDecisionsFromTheStateStore()
    {
        await SeedAsync();

        var (code, output, error) = await ReportAsync("--format", "json");

        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Path.GetFullPath(_database), Path.GetFullPath(root.GetProperty("stateStore").GetString()!));
        var latest = root.GetProperty("latest");
        Assert.Equal(5000, latest.GetProperty("persons").GetInt32());
        Assert.Equal(4400, latest.GetProperty("billing").GetProperty("marketingNow").GetInt32());
        Assert.Equal([4300, 4400], root.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("billing").GetProperty("marketingNow").GetInt32()));
        Assert.Equal(5, root.GetProperty("forecast").GetArrayLength());

        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["hubspot-contacts", "salesforce-leads"], sources.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("501", sources[0].GetProperty("cursorRecordId").GetString());
        Assert.Equal(250, sources[0].GetProperty("totalRecords").GetInt64());
        Assert.Equal("<script>alert(1)</script> 401 Unauthorized", sources[1].GetProperty("lastError").GetString());

        var queue = root.GetProperty("queue");
        Assert.Equal("embedded", queue.GetProperty("transport").GetString());
        Assert.Equal(2, queue.GetProperty("outboxPending").GetInt64());
        Assert.Equal(0, queue.GetProperty("deadLetters").GetInt64());

        var decisions = root.GetProperty("recentDecisions").EnumerateArray().ToList();
        Assert.Equal(["person-a", "person-b"], decisions.Select(d => d.GetProperty("personId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(decisions, d => Assert.Equal(1, d.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Report_Html_WritesAStandaloneFileAndPrintsItsFullPath()
    {
        await SeedAsync();
        var target = Path.Combine(_directory, "out", "finance", "report.html");

        var (code, output, error) = await ReportAsync("--html", target);

        Assert.True(code == 0, error);
        Assert.Equal(Path.GetFullPath(target), output.Trim());
        var html = await File.ReadAllTextAsync(target, Ct);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (var id in new[] { "forecast-chart", "funnel-chart", "reasons-chart", "sources", "queue", "decisions" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; 401 Unauthorized", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Contains("person-a", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Text_PrintsHeadlineFunnelAndForecast()
    {
        await SeedAsync();
        var f = ReportModels.Forecast(4400);

        var (code, output, error) = await ReportAsync();

        Assert.True(code == 0, error);
        Assert.Contains("persons: 5,000   hot leads: 137", output, StringComparison.Ordinal);
        Assert.Contains($"marketing contacts: now 4,400 → after apply {f.PeakBeforeUpdate:#,0} (peak) → after 2026-12-01 {f.MarketingAfterUpdate:#,0}", output, StringComparison.Ordinal);
        Assert.Contains($"saving {f.MonthlySaving:#,0.00} USD", output, StringComparison.Ordinal);
        Assert.Contains("sources: 2 (1 failing)", output, StringComparison.Ordinal);
        Assert.Contains("outbox pending 2", output, StringComparison.Ordinal);
        var funnel = output.Split('\n').SkipWhile(l => !l.StartsWith("funnel (before → after):", StringComparison.Ordinal)).Skip(1).Take(9).Select(l => l.Trim()).ToList();
        Assert.Equal(["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other", "none"], funnel.Select(l => l.Split(' ')[0]));
        Assert.EndsWith("2,100 → 2,400", funnel[1], StringComparison.Ordinal);
        Assert.Contains("forecast: ", output, StringComparison.Ordinal);
        Assert.Contains("(after the update date)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_EmptyStateStore_SaysNothingWasDecidedAndSucceeds()
    {
        // The store exists (its schema is created) but nothing ran yet.
        Assert.Empty(await _services.GetRequiredService<IReportStore>().ListDecisionRunsAsync(1, Ct));

        var (code, output, error) = await ReportAsync();
        var (jsonCode, json, _) = await ReportAsync("--format", "json");
        var (htmlCode, path, _) = await ReportAsync("--html", Path.Combine(_directory, "empty.html"));

        Assert.True(code == 0, error);
        Assert.Contains("nothing decided yet", output, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(json).RootElement.GetProperty("latest").ValueKind);
        Assert.Equal(0, htmlCode);
        Assert.Contains("Nothing has been decided yet", await File.ReadAllTextAsync(path.Trim(), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_StateStoreMissing_FailsNamingTheSettingWithoutCreatingIt()
    {
        var missing = Path.Combine(_directory, "nowhere", "state.db");
        var config = WriteConfig("missing.json", missing);

        var (code, output, error) = await CliAsync(config, "report");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("SyncBridge:State:SqlitePath", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(missing), error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task Report_UnknownFormat_IsAUsageError()
    {
        var (code, _, error) = await ReportAsync("--format", "xml");

        Assert.NotEqual(0, code);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteHtmlAsync_AHostsServices_WritesTheReportWhereTheDemoAsksAndReturnsItsFullPath()
    {
        await SeedAsync();
        var overrides = new Dictionary<string, string?> { ["SyncBridge:State:SqlitePath"] = _database };
        using var host = VerbHost.TryBuild(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System), new HostSettings { Overrides = overrides }, builder =>
        {
            builder.Services.AddUpdateQueue(builder.Configuration);
            builder.Services.AddReporting();
        });
        Assert.NotNull(host);
        var target = Path.Combine(_directory, "demo-out", ReportCommand.DefaultHtmlFile);

        var written = await ReportCommand.WriteHtmlAsync(host.Services, target, Ct);

        Assert.Equal(Path.GetFullPath(target), written);
        var html = await File.ReadAllTextAsync(written, Ct);
        Assert.Contains("id=\"forecast-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("person-b", html, StringComparison.Ordinal);
    }
}
