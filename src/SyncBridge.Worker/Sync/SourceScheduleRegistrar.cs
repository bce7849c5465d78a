using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using SyncBridge.Core.Sync;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// Schedules a <see cref="SourcePollJob"/> for every registered source when the worker starts. Safe on a job store that several
/// workers share and that outlives them: each source's job and cron trigger are upserted (replacing what a previous start or
/// another worker stored, so a cron changed in configuration takes effect), and a poll job of SyncBridge's own group whose
/// source is no longer registered is removed with its triggers. With <see cref="SchedulerOptions.RunOnStart"/> every worker
/// start fires one poll per source; on a cluster [DisallowConcurrentExecution] queues it behind a poll already running elsewhere.
/// </summary>
internal sealed partial class SourceScheduleRegistrar(
    ISchedulerFactory schedulers,
    IEnumerable<IContactSource> sources,
    IOptions<SchedulerOptions> options,
    ILogger<SourceScheduleRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        Log.SchedulerStore(logger, scheduler.SchedulerName, scheduler.SchedulerInstanceId, settings.Clustered ? "clustered, in the PostgreSQL state store" : "in memory");
        var configured = new HashSet<JobKey>();
        foreach (var source in sources)
        {
            var cron = settings.Sources.TryGetValue(source.Name, out var own) ? own : settings.PollCron;
            var job = JobBuilder.Create<SourcePollJob>()
                .WithIdentity(SourcePollJob.KeyFor(source.Name))
                .UsingJobData(SourcePollJob.SourceKey, source.Name)
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(SourcePollJob.TriggerKeyFor(source.Name))
                .WithCronSchedule(cron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
            configured.Add(job.Key);
            if (settings.RunOnStart)
            {
                await scheduler.TriggerJob(job.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            Log.Scheduled(logger, source.Name, cron);
        }

        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SourcePollJob.Group), cancellationToken).ConfigureAwait(false);
        foreach (var stale in stored.Where(key => !configured.Contains(key)))
        {
            if (await scheduler.DeleteJob(stale, cancellationToken).ConfigureAwait(false))
            {
                Log.Unscheduled(logger, stale.Name);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Polling {Source} on '{Cron}'")]
        public static partial void Scheduled(ILogger logger, string source, string cron);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Scheduler {Scheduler} instance {InstanceId}: schedule kept {Store}")]
        public static partial void SchedulerStore(ILogger logger, string scheduler, string instanceId, string store);

        [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Removed job {Job}: its source is no longer configured")]
        public static partial void Unscheduled(ILogger logger, string job);
    }
}
