using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Worker.Sync;

/// <summary>Settings of section <c>SyncBridge:Scheduler</c>: when each source is polled by <c>run</c>.</summary>
internal sealed class SchedulerOptions
{
    public const string SectionName = "SyncBridge:Scheduler";

    /// <summary>Quartz cron expression for every source without its own (default: every 5 minutes).</summary>
    [Required]
    public string PollCron { get; set; } = "0 0/5 * * * ?";

    /// <summary>Per-source cron expressions, by source name (e.g. <c>hubspot:contacts</c>, <c>salesforce:leads</c>).</summary>
    public Dictionary<string, string> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Poll every source once as soon as the worker starts, then on its schedule.</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>
    /// How long <c>run</c> waits on Ctrl+C or SIGTERM for the work in hand (the page being read, the writes in flight)
    /// before it stops anyway. Keep it below the supervisor's kill timeout (systemd <c>TimeoutStopSec</c>, Kubernetes
    /// <c>terminationGracePeriodSeconds</c>). A poll cut short re-reads at most one page on the next start.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
