namespace SyncBridge.Core.Sync.Queue;

/// <summary>Dead-letter reasons: the queue's own (the names Service Bus uses) and the consumer's.</summary>
public static class DeadLetterReasons
{
    /// <summary>The target CRM refused the update (validation); the description carries the CRM's message. Fix the data or the mapping, then replay.</summary>
    public const string CrmRejected = "CrmRejected";

    /// <summary>No connector writes to the update's target system in this deployment. Configure it, then replay.</summary>
    public const string NoSinkForTarget = "NoSinkForTarget";

    /// <summary>The message body could not be read as an update (wrong schema, tampered id).</summary>
    public const string MalformedMessage = "MalformedMessage";

    /// <summary>The message was delivered the maximum number of times without being completed.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
}
