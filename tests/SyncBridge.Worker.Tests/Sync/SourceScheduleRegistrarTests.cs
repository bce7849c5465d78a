using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using SyncBridge.Core.Sync;
using SyncBridge.Worker.Sync;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>Each source gets its own Quartz job, on its own cron when one is configured for its full name.</summary>
public sealed class SourceScheduleRegistrarTests
{
    private sealed class NamedSource(string name) : IContactSource
    {
        public string Name => name;

        public IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, CancellationToken cancellationToken) => AsyncEnumerable.Empty<ContactPage>();
    }

    [Fact]
    public async Task Start_SourcesWithAndWithoutTheirOwnCron_ScheduleOneJobEachOnTheRightCron()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncBridge:Scheduler:PollCron"] = "0 0/5 * * * ?",
            ["SyncBridge:Scheduler:RunOnStart"] = "false",
            ["SyncBridge:Scheduler:Sources:hubspot:forms"] = "0 0/15 * * * ?",
            ["SyncBridge:Scheduler:Sources:csv:dropfolder"] = "0 * * * * ?",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddQuartz(quartz => quartz.UseInMemoryStore());
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        services.AddSync(configuration, new ConnectorSelection(false, false, false));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ISchedulerFactory>();
        IContactSource[] sources = [new NamedSource("hubspot:contacts"), new NamedSource("hubspot:forms"), new NamedSource("csv:dropfolder")];
        var registrar = new SourceScheduleRegistrar(factory, sources, provider.GetRequiredService<IOptions<SchedulerOptions>>(), NullLogger<SourceScheduleRegistrar>.Instance);

        await registrar.StartAsync(TestContext.Current.CancellationToken);

        var scheduler = await factory.GetScheduler(TestContext.Current.CancellationToken);
        try
        {
            async Task<string?> CronOf(string source) =>
                (await scheduler.GetTrigger(new TriggerKey("cron:" + source, "sources"), TestContext.Current.CancellationToken) as ICronTrigger)?.CronExpressionString;

            Assert.Equal("0 0/5 * * * ?", await CronOf("hubspot:contacts"));
            Assert.Equal("0 0/15 * * * ?", await CronOf("hubspot:forms"));
            Assert.Equal("0 * * * * ?", await CronOf("csv:dropfolder"));
            Assert.NotNull(await scheduler.GetJobDetail(SourcePollJob.KeyFor("hubspot:forms"), TestContext.Current.CancellationToken));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Start_AgainOnAStoreThatHasTheSchedule_ReplacesTheCronRemovesUnconfiguredSourcesAndLeavesOtherGroups()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = new ServiceCollection().AddLogging();
        services.AddQuartz(quartz => quartz.UseInMemoryStore());
        services.AddSync(new ConfigurationBuilder().Build(), new ConnectorSelection(false, false, false));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ISchedulerFactory>();
        var scheduler = await factory.GetScheduler(ct);
        try
        {
            SourceScheduleRegistrar Registrar(string cron, params string[] names) => new(
                factory,
                names.Select(n => (IContactSource)new NamedSource(n)).ToArray(),
                Options.Create(new SchedulerOptions { PollCron = cron, RunOnStart = false }),
                NullLogger<SourceScheduleRegistrar>.Instance);

            await Registrar("0 0/5 * * * ?", "hubspot:contacts", "hubspot:forms").StartAsync(ct);
            var foreign = JobBuilder.Create<SourcePollJob>().WithIdentity("someone-else", "other").StoreDurably().Build();
            await scheduler.AddJob(foreign, new AddJobOptions(), ct);

            // A second worker (or the same one restarted) with another cron and one source fewer.
            await Registrar("0 0/15 * * * ?", "hubspot:contacts").StartAsync(ct);

            var trigger = await scheduler.GetTrigger(SourcePollJob.TriggerKeyFor("hubspot:contacts"), ct) as ICronTrigger;
            Assert.Equal("0 0/15 * * * ?", trigger?.CronExpressionString);
            Assert.Null(await scheduler.GetJobDetail(SourcePollJob.KeyFor("hubspot:forms"), ct));
            Assert.Null(await scheduler.GetTrigger(SourcePollJob.TriggerKeyFor("hubspot:forms"), ct));
            Assert.NotNull(await scheduler.GetJobDetail(SourcePollJob.KeyFor("hubspot:contacts"), ct));
            Assert.NotNull(await scheduler.GetJobDetail(foreign.Key, ct));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, ct);
        }
    }
}
