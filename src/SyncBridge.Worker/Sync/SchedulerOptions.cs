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

    /// <summary>
    /// Keep the schedule in the PostgreSQL state store (Quartz's clustered ADO job store, tables in the state store's schema)
    /// instead of in memory, so several workers on one schema share it: each source's poll runs on one worker at a time, and a
    /// worker that dies has its polls taken over. Needs <c>SyncBridge:State:Provider</c> <c>PostgreSql</c>.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>
    /// How often a clustered worker records in the store that it is alive; a worker silent for longer than this (plus Quartz's
    /// check-in misfire threshold) is taken for dead and its polls recovered by the others.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);
}
