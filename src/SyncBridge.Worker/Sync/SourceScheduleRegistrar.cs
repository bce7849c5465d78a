using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using SyncBridge.Core.Sync;

namespace SyncBridge.Worker.Sync;

/// <summary>Schedules a <see cref="SourcePollJob"/> for every registered source when the worker starts.</summary>
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
        foreach (var source in sources)
        {
            var cron = settings.Sources.TryGetValue(source.Name, out var own) ? own : settings.PollCron;
            var job = JobBuilder.Create<SourcePollJob>()
                .WithIdentity(SourcePollJob.KeyFor(source.Name))
                .UsingJobData(SourcePollJob.SourceKey, source.Name)
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity("cron:" + source.Name, "sources")
                .WithCronSchedule(cron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (settings.RunOnStart)
            {
                await scheduler.TriggerJob(job.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            Log.Scheduled(logger, source.Name, cron);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Polling {Source} on '{Cron}'")]
        public static partial void Scheduled(ILogger logger, string source, string cron);
    }
}
