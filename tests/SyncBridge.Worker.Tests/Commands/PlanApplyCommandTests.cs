using System.CommandLine;
using System.Globalization;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Commands;
using SyncBridge.Worker.Planning;
using SyncBridge.Worker.Tests.Planning;

namespace SyncBridge.Worker.Tests.Commands;

/// <summary>
/// <c>apply PLAN.json</c> from the command line on embedded defaults. Each verb starts its own simulators, so these
/// tests assert on the state store; the simulators' write logs are checked in-process by <see cref="LivePlannerTests"/>.
/// </summary>
public sealed class PlanApplyCommandTests : IDisposable
{
    private readonly PlanSandbox _sandbox = new(people: 70);

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Apply_FreshPlan_CommitsExactlyItsChangesThenTheSamePlanIsRefusedAndANewPlanShowsNothing()
    {
        var planPath = _sandbox.File("plan.json");
        var (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--out", planPath);
        Assert.True(code == 0, err);
        var planned = await PlanFile.ReadAsync(planPath, TestContext.Current.CancellationToken);
        Assert.True(planned.RecordsToChange > 0);

        (code, var output, err) = await _sandbox.RunAsync("apply", planPath, "--auto-approve");

        Assert.True(code == 0, err);
        Assert.Contains($"{planned.ChangeSets.Count} decisions committed, {planned.RecordsToChange} updates queued", output, StringComparison.Ordinal);
        var updates = UpdatePathOutput.Updates().Match(output);
        Assert.True(updates.Success, output);
        Assert.Equal(planned.RecordsToChange.ToString(CultureInfo.InvariantCulture), updates.Groups["dispatched"].Value);
        Assert.Equal(planned.RecordsToChange, _sandbox.Count("outbox"));
        Assert.Equal(planned.ChangeSets.Count, _sandbox.Count("decisions"));
        Assert.Equal(0, SqliteProbe.Scalar(_sandbox.StatePath, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL;"));

        (code, _, err) = await _sandbox.RunAsync("apply", planPath, "--auto-approve");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("the state changed since this plan was made (", err, StringComparison.Ordinal);
        Assert.Contains("run plan --live again", err, StringComparison.Ordinal);
        Assert.Equal(planned.RecordsToChange, _sandbox.Count("outbox"));

        (code, output, err) = await _sandbox.RunAsync("plan", "--live", "--format", "table", "--all");
        Assert.True(code == 0, err);
        var summary = PlanLiveCommandTests.SummaryLine().Match(output);
        Assert.True(summary.Success, output);
        Assert.Equal("0", summary.Groups["records"].Value);
        var records = planned.ChangeSets.Sum(c => c.Changes.Count);
        Assert.Equal(records.ToString(CultureInfo.InvariantCulture), summary.Groups["unchanged"].Value);
        // --all lists every unchanged record, with the properties it holds.
        var lines = output.Split('\n');
        Assert.Equal(records, lines.Count(l => l.StartsWith("  = ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("(unchanged)", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("  ~ ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("      syncbridge_marketing_decision: ", StringComparison.Ordinal) && !l.Contains('→', StringComparison.Ordinal));

        // A sync after apply finds the population already decided at the plan's contact change: nothing to decide or queue.
        (code, output, err) = await _sandbox.RunAsync("sync");
        Assert.True(code == 0, err);
        Assert.Contains("decisions: 0 persons decided", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ContactsPolledSinceThePlan_IsRefusedNamingTheContactChange()
    {
        var planPath = _sandbox.File("plan.json");
        var (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--source", "salesforce:leads", "--out", planPath);
        Assert.True(code == 0, err);
        (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--source", "hubspot:contacts");
        Assert.True(code == 0, err);

        (code, _, err) = await _sandbox.RunAsync("apply", planPath, "--auto-approve");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("the state changed since this plan was made (the contact store is at change ", err, StringComparison.Ordinal);
        Assert.Equal(0, _sandbox.Count("outbox"));
        Assert.Equal(0, _sandbox.Count("decisions"));
    }

    [Fact]
    public async Task Apply_MalformedPlanFile_ExitsTwoNamingTheFile()
    {
        var path = _sandbox.File("broken-plan.json");
        await File.WriteAllTextAsync(path, "{\"format_version\": 1, \"change_sets\": [", TestContext.Current.CancellationToken);

        var (code, _, err) = await _sandbox.RunAsync("apply", path, "--auto-approve");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains(path, err, StringComparison.Ordinal);
        Assert.Contains("not a usable plan", err, StringComparison.Ordinal);
        Assert.False(File.Exists(_sandbox.StatePath), "apply touched the state store for a plan it could not read");
    }

    [Fact]
    public async Task Apply_MissingPlanFile_ExitsTwoNamingTheFile()
    {
        var path = _sandbox.File("no-such-plan.json");

        var (code, _, err) = await _sandbox.RunAsync("apply", path, "--auto-approve");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains(path, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_NotInteractiveWithoutAutoApprove_ExitsTwoSayingSo()
    {
        var planPath = _sandbox.File("plan.json");
        var (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--out", planPath);
        Assert.True(code == 0, err);

        (code, _, err) = await RunApplyAsync(new FakePrompt(interactive: false, answer: true), planPath);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("--auto-approve", err, StringComparison.Ordinal);
        Assert.Equal(0, _sandbox.Count("outbox"));
    }

    [Fact]
    public async Task Apply_InteractiveOperatorDeclines_AsksWithTheChangeCountAndWritesNothing()
    {
        var planPath = _sandbox.File("plan.json");
        var (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--out", planPath);
        Assert.True(code == 0, err);
        var planned = await PlanFile.ReadAsync(planPath, TestContext.Current.CancellationToken);
        var prompt = new FakePrompt(interactive: true, answer: false);

        (code, _, err) = await RunApplyAsync(prompt, planPath);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal($"apply {planned.RecordsToChange} changes? [y/N]", Assert.Single(prompt.Questions));
        Assert.Contains("cancelled", err, StringComparison.Ordinal);
        Assert.Equal(0, _sandbox.Count("outbox"));
        Assert.Equal(0, _sandbox.Count("decisions"));
    }

    [Fact]
    public async Task Apply_InteractiveOperatorAgrees_Applies()
    {
        var planPath = _sandbox.File("plan.json");
        var (code, _, err) = await _sandbox.RunAsync("plan", "--live", "--out", planPath);
        Assert.True(code == 0, err);
        var planned = await PlanFile.ReadAsync(planPath, TestContext.Current.CancellationToken);

        (code, var output, err) = await RunApplyAsync(new FakePrompt(interactive: true, answer: true), planPath);

        Assert.True(code == 0, err);
        Assert.Contains("updates: dispatched ", output, StringComparison.Ordinal);
        Assert.Equal(planned.RecordsToChange, _sandbox.Count("outbox"));
    }

    private async Task<(int Code, string Out, string Err)> RunApplyAsync(IApprovalPrompt prompt, string planPath)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, TimeProvider.System);
        var root = new RootCommand { GlobalOptions.Config };
        root.Subcommands.Add(PlanApplyCommand.Create(context, prompt));
        var code = await root.Parse(["apply", planPath, "--config", _sandbox.ConfigPath])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private sealed class FakePrompt(bool interactive, bool answer) : IApprovalPrompt
    {
        public List<string> Questions { get; } = [];

        public bool IsInteractive => interactive;

        public bool Confirm(string question)
        {
            Questions.Add(question);
            return answer;
        }
    }
}
