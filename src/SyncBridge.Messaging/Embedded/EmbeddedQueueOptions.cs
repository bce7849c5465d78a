using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Messaging.Embedded;

/// <summary>Settings of section <c>SyncBridge:Queue:Embedded</c>: the embedded durable queue (used when no Service Bus is configured).</summary>
public sealed class EmbeddedQueueOptions
{
    public const string SectionName = "SyncBridge:Queue:Embedded";

    /// <summary>
    /// The queue's SQLite file; a relative path is relative to the working directory. Its directory is created on first
    /// run. The worker points it at the state store's file unless this is set (the queue's tables and schema version
    /// are its own, so both live in one file).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/syncbridge-queue.db";

    /// <summary>How many times a message is delivered before it is moved to the dead-letter table with reason <c>MaxDeliveryCountExceeded</c>.</summary>
    [Range(1, 1000)]
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a command waits for another writer's lock on the file before failing (SQLite busy timeout), in seconds.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}
