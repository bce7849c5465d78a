using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>Settings of section <c>SyncBridge:Outbox</c>: how often <c>run</c> decides into the outbox and publishes it to the queue.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "SyncBridge:Outbox";

    /// <summary>The wait between dispatches (each dispatch sends everything pending, in batches of <see cref="OutboxDispatcher.BatchSize"/>), and after a failed one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often <c>run</c> checks for changed stored contacts and, when there are, decides everyone into the outbox.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DecideInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long <c>run</c> keeps messages the queue has accepted (for tracing what was sent) before deleting them;
    /// checked hourly. Pending messages are never deleted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RetainSent { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How far a score must move before it is written on its own. Engagement decays continuously, so without this every
    /// decision run would rewrite the score of nearly every engaged contact in both CRMs (churn in property history and
    /// workflows, and API calls). A score that moved less is written with the record's next other change. 0 writes
    /// every change of the two-decimal score.
    /// </summary>
    [Range(0d, 100d)]
    public double MinScoreChange { get; set; } = 1;
}
