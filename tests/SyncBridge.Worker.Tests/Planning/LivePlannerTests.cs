using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Planning;

namespace SyncBridge.Worker.Tests.Planning;

/// <summary>
/// <see cref="LivePlanner"/> and <see cref="PlanApplier"/> in-process on one running host, so the built-in simulators
/// that the plan reads are the ones apply writes to and the test can read their write logs and records.
/// </summary>
public sealed class LivePlannerTests : IDisposable
{
    private readonly PlanSandbox _sandbox = new(people: 100);

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task PlanAsync_FreshStore_WritesNothingThenApplyWritesExactlyThePlannedRecordsAndTheyHoldWhatPlanSays()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var context = new CliContext(new StringWriter(), new StringWriter(), TimeProvider.System);
        await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = [_sandbox.ConfigPath] }, cancellationToken);
        Assert.NotNull(connected);
        var hubSpot = connected.Simulators.HubSpot!;
        var salesforce = connected.Simulators.Salesforce!;
        var polled = new StringWriter();
        Assert.Equal(ExitCodes.Success, await LiveSourcePoller.PollAsync(polled, connected, null, cancellationToken));

        var plan = await LivePlanner.PlanAsync(connected.Services, includeUnchanged: false, cancellationToken);

        Assert.Equal(_sandbox.Count("persons"), plan.Persons.Count);
        Assert.True(plan.RecordsToChange > 100, $"{plan.RecordsToChange} records to change for 100 people in two CRMs");
        Assert.Equal(plan.RecordsToChange, plan.Targets.Count());
        Assert.Equal(0, hubSpot.WriteLog.Count + salesforce.WriteLog.Count);
        Assert.Equal(0, _sandbox.Count("outbox"));
        Assert.Equal(0, _sandbox.Count("decisions"));
        Assert.Equal(0, (await connected.Services.GetRequiredService<IOutboxStore>().GetOutboxStatusAsync(cancellationToken)).Pending);

        // Through the file, as an operator would.
        var path = _sandbox.File("plan.json");
        await PlanFile.From(plan).WriteAsync(path, cancellationToken);
        var saved = await PlanFile.ReadAsync(path, cancellationToken);
        var result = await PlanApplier.ApplyAsync(connected.Services, saved, approve: null, cancellationToken);

        Assert.Null(result.Stale);
        Assert.Equal(plan.RecordsToChange, result.Queued);
        Assert.Contains(", dead-lettered 0,", result.Updates, StringComparison.Ordinal);
        Assert.Equal(plan.RecordsToChange, hubSpot.WriteLog.Count + salesforce.WriteLog.Count);
        var planned = plan.Targets.Select(t => t.Target.Id).Order(StringComparer.Ordinal).ToList();
        var written = hubSpot.WriteLog.All().Concat(salesforce.WriteLog.All()).Select(w => w.RecordId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(planned, written);

        // Planned again: nothing changes, and every HubSpot record holds what the plan says it should.
        var again = await LivePlanner.PlanAsync(connected.Services, includeUnchanged: true, cancellationToken);
        Assert.Equal(0, again.RecordsToChange);
        Assert.Equal(plan.RecordsToChange, again.UnchangedRecords);
        Assert.Equal(again.UnchangedRecords, again.Targets.Count());
        var hubSpotTargets = again.Targets.Where(t => t.Target.System == SourceSystem.HubSpot).ToList();
        Assert.NotEmpty(hubSpotTargets);
        foreach (var target in hubSpotTargets)
        {
            var record = hubSpot.GetContact(long.Parse(target.Target.Id, CultureInfo.InvariantCulture));
            Assert.NotNull(record);
            foreach (var (name, value) in target.Desired)
            {
                // HubSpot clears a property written empty: an absent property holds "".
                var actual = record.TryGetValue(name, out var held) ? held : string.Empty;
                Assert.True(actual == value, $"{target.Target}: {name} is '{actual}', the plan says '{value}'");
            }
        }
    }

    [Fact]
    public async Task PlanAsync_IncludeUnchangedFalse_ListsEveryDecidedPersonButOnlyChangingRecords()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var context = new CliContext(new StringWriter(), new StringWriter(), TimeProvider.System);
        await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = [_sandbox.ConfigPath] }, cancellationToken);
        Assert.NotNull(connected);
        Assert.Equal(ExitCodes.Success, await LiveSourcePoller.PollAsync(new StringWriter(), connected, "hubspot:contacts", cancellationToken));
        var first = await LivePlanner.PlanAsync(connected.Services, includeUnchanged: false, cancellationToken);
        var applied = await PlanApplier.ApplyAsync(connected.Services, PlanFile.From(first), approve: null, cancellationToken);
        Assert.Null(applied.Stale);

        // Salesforce is polled only now: its records are new targets, the HubSpot ones are already as desired.
        Assert.Equal(ExitCodes.Success, await LiveSourcePoller.PollAsync(new StringWriter(), connected, "salesforce:contacts", cancellationToken));
        var plan = await LivePlanner.PlanAsync(connected.Services, includeUnchanged: false, cancellationToken);

        Assert.Equal(_sandbox.Count("persons"), plan.Persons.Count);
        Assert.All(plan.Targets, t => Assert.True(t.Changes));
        Assert.True(plan.SalesforceRecordsToChange > 0);
        Assert.True(plan.UnchangedRecords > 0);
        Assert.Equal(plan.RecordsToChange, plan.Targets.Count());
        Assert.Contains(plan.Persons, p => !p.Changes);
    }
}
