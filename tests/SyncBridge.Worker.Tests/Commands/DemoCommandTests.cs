using System.Globalization;
using System.Text.RegularExpressions;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Commands;

/// <summary>The README's first command: <c>demo</c> on embedded defaults, from the sample file to updates applied in the simulators.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-demo-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Demo_EmbeddedDefaults_NormalizesSyncsDecidesAndAppliesEveryUpdate()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await SyncBridgeCli.InvokeAsync(["demo", "--out", _directory, "--people", "150", "--report", Path.Combine(_directory, "syncbridge-report.html")], new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.True(code == 0, error.ToString());
        Assert.True(File.Exists(Path.Combine(_directory, "normalized.csv")));
        Assert.True(File.Exists(Path.Combine(_directory, "state.db")));
        Assert.Contains("in the built-in HubSpot and Salesforce simulators", text, StringComparison.Ordinal);
        var decided = UpdatePathOutput.Decided().Match(text);
        var updates = UpdatePathOutput.Updates().Match(text);
        Assert.True(decided.Success && updates.Success, text);
        Assert.True(int.Parse(decided.Groups["persons"].Value, CultureInfo.InvariantCulture) > 0, text);
        Assert.Equal(decided.Groups["queued"].Value, updates.Groups["applied"].Value);
        Assert.Equal("0", updates.Groups["dead"].Value);
        Assert.Contains("SyncBridge demo: 150 synthetic people", text, StringComparison.Ordinal);
        var report = Path.Combine(_directory, "syncbridge-report.html");
        Assert.Contains("report: " + report, text, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        Assert.Contains("id=\"forecast-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"funnel-chart\"", html, StringComparison.Ordinal);
        // Redirected output: one line per finished step instead of redrawn bars.
        Assert.Matches(new Regex(@"^read hubspot:contacts: [\d,]+ records \(\d+\.\d s\)\r?$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex($@"^apply: {updates.Groups["applied"].Value} updates applied \(\d+\.\d s\)\r?$", RegexOptions.Multiline), text);
        Assert.DoesNotContain("%", text, StringComparison.Ordinal);
        foreach (var line in new[] { "records read:", "people after de-duplication: ", "merge conflicts: ", "lifecycle funnel", "hot leads: ", "marketing contacts: ", "tier: contracted ", "monthly saving: " })
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_Serve_KeepsTheStatusPageWithChartsUpUntilCancelled()
    {
        var config = Path.Combine(_directory, "serve.json");
        await File.WriteAllTextAsync(config, "{\"SyncBridge\":{\"Status\":{\"Urls\":\"http://127.0.0.1:0\"}}}", TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var demo = SyncBridgeCli.InvokeAsync(["demo", "--out", _directory, "--people", "60", "--serve", "--config", config, "--report", Path.Combine(_directory, "r.html")], new CliContext(synchronized, TextWriter.Null, TimeProvider.System), stop.Token);

        var address = await WaitForAsync(() => Regex.Match(Read(output), "status page: (?<url>http://127\\.0\\.0\\.1:\\d+/)"), demo);
        using var http = new HttpClient { BaseAddress = new Uri(address.Groups["url"].Value) };
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await http.GetStringAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.False(demo.IsCompleted, "demo --serve returned before it was stopped");
        await stop.CancelAsync();
        var code = await demo;

        Assert.Contains("id=\"forecast-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"decisions\"", page, StringComparison.Ordinal);
        Assert.Equal("ok", health);
        Assert.Equal(0, code);

        string Read(StringWriter writer)
        {
            lock (synchronized)
            {
                return writer.ToString();
            }
        }
    }

    private static async Task<Match> WaitForAsync(Func<Match> probe, Task running)
    {
        for (var i = 0; i < 600; i++)
        {
            var match = probe();
            if (match.Success)
            {
                return match;
            }

            Assert.False(running.IsCompleted, "demo ended before it served the page");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("demo --serve printed no status page address within 60 s");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public async Task Demo_PeopleOutOfRange_FailsNamingTheOption(string people)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await SyncBridgeCli.InvokeAsync(["demo", "--out", _directory, "--people", people], new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);

        Assert.NotEqual(0, code);
        Assert.Contains("--people", error.ToString() + output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "state.db")));
    }
}
