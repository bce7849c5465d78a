using Microsoft.Extensions.Options;
using Quartz;

namespace SyncBridge.Worker.Sync;

/// <summary>Every cron expression must parse; each failure names its setting.</summary>
internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check($"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.PollCron)}", options.PollCron, failures);
        foreach (var (source, cron) in options.Sources)
        {
            Check($"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.Sources)}:{source}", cron, failures);
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
