using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>Settings of section <c>SyncBridge:Consumer</c>: how the update consumer takes messages off the queue and applies them.</summary>
public sealed class UpdateConsumerOptions
{
    public const string SectionName = "SyncBridge:Consumer";

    /// <summary>Messages taken per receive (the connectors split them into CRM batches of 100 for HubSpot, 200 for Salesforce).</summary>
    [Range(1, 2000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long a received message stays locked (and its target claimed) while it is applied.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Deliveries of one message before a transient CRM failure dead-letters it with the CRM's error. Keep it at or
    /// below the queue's own limit (embedded MaxDeliveryCount, RabbitMQ x-delivery-limit, Service Bus MaxDeliveryCount),
    /// or the queue dead-letters first without the CRM's error.
    /// </summary>
    [Range(1, 1000)]
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>
    /// How long a received message whose record another consumer has claimed (typically one that died mid-write) is
    /// held while waiting for that claim to expire, at most until shortly before the message's own lock ends; then it
    /// goes back to the queue. Waiting keeps a record's versions in order on brokers without sessions. Zero: never wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan BusyWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before receiving again when the queue was empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a batch with transient failures; doubles with each such batch in a row, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>This consumer's name in the ledger's claims; blank means host name, process id and a random suffix (unique per process).</summary>
    public string? ConsumerId { get; set; }
}
