using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Tests.Planning;

namespace SyncBridge.Worker.Tests.Commands;

/// <summary><c>plan --live</c> on embedded defaults: the built-in simulators stand in for both CRMs.</summary>
public sealed partial class PlanLiveCommandTests : IDisposable
{
    private readonly PlanSandbox _sandbox = new(people: 80);

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task PlanLive_FreshStore_ListsEveryChangeAndWritesNoOutboxNoDecisionNoCursorOfItsOwn()
    {
        var (code, output, err) = await _sandbox.RunAsync("plan", "--live", "--format", "json");

        Assert.True(code == 0, err);
        using var plan = JsonDocument.Parse(output);
        var persons = plan.RootElement.GetProperty("persons").EnumerateArray().ToList();
        var summary = plan.RootElement.GetProperty("summary");
        var targets = persons.SelectMany(p => p.GetProperty("targets").EnumerateArray()).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.True(t.GetProperty("changes").GetBoolean()));
        Assert.Equal(summary.GetProperty("records_to_change").GetInt32(), targets.Count);
        Assert.Equal(
            summary.GetProperty("records_to_change").GetInt32(),
            summary.GetProperty("hubspot_records_to_change").GetInt32() + summary.GetProperty("salesforce_records_to_change").GetInt32());
        Assert.Equal(targets.Count(t => t.GetProperty("system").GetString() == "hubspot"), summary.GetProperty("hubspot_records_to_change").GetInt32());
        Assert.Equal(0, summary.GetProperty("records_unchanged").GetInt32());
        // Nothing was ever written: every property goes from nothing to its value.
        Assert.All(targets.SelectMany(t => t.GetProperty("properties").EnumerateArray()), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("from").ValueKind));
        Assert.Equal(_sandbox.Count("persons"), summary.GetProperty("persons_decided").GetInt32());

        var line = SummaryLine().Match(err);
        Assert.True(line.Success, err);
        Assert.Equal(summary.GetProperty("records_to_change").GetInt32(), int.Parse(line.Groups["records"].Value, CultureInfo.InvariantCulture));
        Assert.Contains("marketing ", err, StringComparison.Ordinal);
        Assert.Contains(" now → peak ", err, StringComparison.Ordinal);

        Assert.True(_sandbox.Count("source_records") > 0, "plan --live polled nothing into the contact cache");
        Assert.Equal(0, _sandbox.Count("outbox"));
        Assert.Equal(0, _sandbox.Count("decisions"));
        Assert.Equal(0, _sandbox.Count("target_snapshots"));
        Assert.Equal(0, SqliteProbe.Scalar(_sandbox.StatePath, "SELECT COUNT(*) FROM cursors WHERE source = 'decisions';"));
    }

    [Fact]
    public async Task PlanLive_Table_ShowsEachPersonRecordAndPropertyThenTheSummary()
    {
        var (code, output, err) = await _sandbox.RunAsync("plan", "--live", "--format", "table");

        Assert.True(code == 0, err);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => PersonLine().IsMatch(l));
        Assert.Contains(lines, l => l.StartsWith("  ~ hubspot contact ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  ~ salesforce ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("      syncbridge_marketing_decision: (none) → ", StringComparison.Ordinal));
        var summary = SummaryLine().Match(output);
        Assert.True(summary.Success, output);
        Assert.Equal(lines.Count(l => l.StartsWith("  ~ ", StringComparison.Ordinal)), int.Parse(summary.Groups["records"].Value, CultureInfo.InvariantCulture));
        Assert.Contains(lines, l => l.StartsWith("marketing ", StringComparison.Ordinal) && l.Contains(" now → peak ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanLive_WithContacts_ExitsTwoNamingBothOptions()
    {
        var (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--contacts", PlanVerb.Data("contacts.csv"));

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("--live", err, StringComparison.Ordinal);
        Assert.Contains("--contacts", err, StringComparison.Ordinal);
        Assert.False(File.Exists(_sandbox.StatePath), "the verb ran although its options were refused");
    }

    [Fact]
    public async Task Plan_NeitherLiveNorContacts_ExitsTwoNamingBoth()
    {
        var (code, _, err) = await _sandbox.RunAsync("plan");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("--contacts", err, StringComparison.Ordinal);
        Assert.Contains("--live", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_OutWithoutLive_ExitsTwo()
    {
        var (code, _, err) = await _sandbox.RunAsync("plan", "--contacts", PlanVerb.Data("contacts.csv"), "--out", _sandbox.File("plan.json"));

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("--live", err, StringComparison.Ordinal);
        Assert.False(File.Exists(_sandbox.File("plan.json")));
    }

    [Fact]
    public async Task PlanLive_UnknownSource_ExitsTwoNamingTheSources()
    {
        var (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--source", "marketo:leads");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("marketo:leads", err, StringComparison.Ordinal);
        Assert.Contains("salesforce:leads", err, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"plan: (?<persons>\d+) persons decided, (?<records>\d+) records to change \((?<hubspot>\d+) HubSpot, (?<salesforce>\d+) Salesforce\), (?<unchanged>\d+) unchanged")]
    internal static partial Regex SummaryLine();

    [GeneratedRegex(@"^person \S+: stage \S+ → \S+; (marketing|non_marketing) \(.+\)$")]
    private static partial Regex PersonLine();
}
