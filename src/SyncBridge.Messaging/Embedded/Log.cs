using Microsoft.Extensions.Logging;

namespace SyncBridge.Messaging.Embedded;

/// <summary>Embedded queue log messages. Message ids, person keys and reasons only: never property values or error descriptions.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6501, Level = LogLevel.Information, Message = "Embedded update queue ready at {Path} (schema version {Version})")]
    public static partial void QueueReady(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Debug, Message = "Sent {Count} updates ({Stored} stored, the rest duplicates)")]
    public static partial void Sent(ILogger logger, int count, int stored);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Warning, Message = "Dead-lettered {Count} updates after {MaxDeliveryCount} deliveries")]
    public static partial void MaxDeliveryDeadLettered(ILogger logger, int count, int maxDeliveryCount);

    [LoggerMessage(EventId = 6504, Level = LogLevel.Warning, Message = "Dead-lettered update {MessageId} of person {PersonKey}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string messageId, string personKey, string reason);

    [LoggerMessage(EventId = 6505, Level = LogLevel.Information, Message = "Replayed {Count} dead letters")]
    public static partial void Replayed(ILogger logger, int count);

    [LoggerMessage(EventId = 6506, Level = LogLevel.Information, Message = "Purged dead letter {MessageId}")]
    public static partial void Purged(ILogger logger, string messageId);
}
