using Microsoft.Extensions.Logging;

namespace SyncBridge.Messaging.Amqp;

/// <summary>AMQP transport log messages. Hosts, queue names, message ids and person keys only: never keys, tokens or property values.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6601, Level = LogLevel.Information, Message = "AMQP connection {Generation} open to {Host}:{Port} ({Dialect})")]
    public static partial void Connected(ILogger logger, int generation, string host, int port, AmqpDialect dialect);

    [LoggerMessage(EventId = 6602, Level = LogLevel.Warning, Message = "AMQP operation failed ({Error}); reconnecting, attempt {Attempt} in {Delay}")]
    public static partial void Reconnecting(ILogger logger, string error, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 6603, Level = LogLevel.Warning, Message = "Dead-lettered update {MessageId} of person {PersonKey}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string messageId, string personKey, string reason);

    [LoggerMessage(EventId = 6604, Level = LogLevel.Warning, Message = "Received a message that is not an update ({MessageId}); dead-lettering it: {Error}")]
    public static partial void InvalidMessage(ILogger logger, string messageId, string error);

    [LoggerMessage(EventId = 6605, Level = LogLevel.Information, Message = "Replayed {Count} dead letters")]
    public static partial void Replayed(ILogger logger, int count);

    [LoggerMessage(EventId = 6606, Level = LogLevel.Information, Message = "Purged dead letter {MessageId}")]
    public static partial void Purged(ILogger logger, string messageId);

    [LoggerMessage(EventId = 6607, Level = LogLevel.Information, Message = "Queue {Queue} and its dead-letter queue exist ({QueueAddress}, {DeadLetterAddress})")]
    public static partial void QueuesChecked(ILogger logger, string queue, string queueAddress, string deadLetterAddress);

    [LoggerMessage(EventId = 6608, Level = LogLevel.Debug, Message = "Released {Count} updates whose lock expired")]
    public static partial void LocksExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 6609, Level = LogLevel.Information, Message = "Put a SAS token for {Audience} valid until {ExpiresAt}")]
    public static partial void TokenPut(ILogger logger, string audience, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 6610, Level = LogLevel.Warning, Message = "Renewing the SAS token for {Audience} failed; the next operation reconnects")]
    public static partial void TokenRenewalFailed(ILogger logger, Exception exception, string audience);

    [LoggerMessage(EventId = 6611, Level = LogLevel.Warning, Message = "Skipped dead letter {MessageId}: its body is not an update ({Error})")]
    public static partial void UnreadableDeadLetter(ILogger logger, string messageId, string error);

    [LoggerMessage(EventId = 6612, Level = LogLevel.Warning, Message = "AMQP link to {Address} on connection {Generation} closed: {Error}")]
    public static partial void LinkClosed(ILogger logger, string address, int generation, string error);

    [LoggerMessage(EventId = 6613, Level = LogLevel.Warning,
        Message = "Reading the depth of queue {Queue} from {Endpoint} failed ({Failure}: {Detail}); queue status shows what this process knows until it works. {Hint}")]
    public static partial void DepthReadFailed(ILogger logger, string queue, string endpoint, ManagementReadFailure failure, string detail, string hint);

    [LoggerMessage(EventId = 6614, Level = LogLevel.Information, Message = "Reading the depth of queue {Queue} from {Endpoint} works again")]
    public static partial void DepthReadRecovered(ILogger logger, string queue, string endpoint);
}
