using Microsoft.Extensions.Options;
using Quartz;
using SyncBridge.Storage;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// Every cron expression must parse, the shutdown timeout and the cluster check-in interval must be sensible, and a clustered
/// schedule needs the PostgreSQL state store; each failure names its setting.
/// </summary>
internal sealed class SchedulerOptionsValidator(IOptions<StateStoreOptions> stateStore) : IValidateOptions<SchedulerOptions>
{
    public static readonly TimeSpan MinClusterCheckinInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxClusterCheckinInterval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxShutdownTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check($"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.PollCron)}", options.PollCron, failures);
        foreach (var (source, cron) in options.Sources)
        {
            Check($"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.Sources)}:{source}", cron, failures);
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero || options.ShutdownTimeout > MaxShutdownTimeout)
        {
            failures.Add($"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.ShutdownTimeout)}: '{options.ShutdownTimeout}' must be above zero and at most {MaxShutdownTimeout} (e.g. '00:00:30').");
        }

        if (options.ClusterCheckinInterval < MinClusterCheckinInterval || options.ClusterCheckinInterval > MaxClusterCheckinInterval)
        {
            failures.Add($"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.ClusterCheckinInterval)}: '{options.ClusterCheckinInterval}' must be "
                + $"from {MinClusterCheckinInterval} to {MaxClusterCheckinInterval} (e.g. '00:00:15').");
        }

        if (options.Clustered && !stateStore.Value.IsPostgreSql)
        {
            failures.Add($"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.Clustered)}: a clustered schedule is kept in the PostgreSQL state store; "
                + $"set {StateStoreOptions.SectionName}:{nameof(StateStoreOptions.Provider)} to 'PostgreSql' (it is '{stateStore.Value.Provider}'), "
                + "or set Clustered to false to keep the schedule in memory.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string setting, string? cron, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(cron) || !CronExpression.TryParse(cron, out _))
        {
            failures.Add($"{setting}: '{cron}' is not a valid Quartz cron expression (e.g. '0 0/5 * * * ?').");
        }
    }
}
