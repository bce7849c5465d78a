using Microsoft.Extensions.Options;
using Quartz;

namespace SyncBridge.Worker.Sync;

/// <summary>Every cron expression must parse and the shutdown timeout must be sensible; each failure names its setting.</summary>
internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
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
