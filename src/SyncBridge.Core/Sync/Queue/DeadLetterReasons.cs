namespace SyncBridge.Core.Sync.Queue;

/// <summary>Dead-letter reasons set by the queue itself (the names Service Bus uses).</summary>
public static class DeadLetterReasons
{
    /// <summary>The message was delivered the maximum number of times without being completed.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
}
