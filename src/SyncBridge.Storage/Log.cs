using Microsoft.Extensions.Logging;

namespace SyncBridge.Storage;

/// <summary>Storage log messages. Paths and versions only: never keys, emails or phone numbers.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied state schema migration {Version}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "State store ready at {Path} (schema version {Version})")]
    public static partial void StoreReady(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Saved {PersonCount} persons; {RemovedCount} merged away")]
    public static partial void PersonsSaved(ILogger logger, int personCount, int removedCount);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Committed {ChangeSetCount} change sets: {MessageCount} outbox messages appended")]
    public static partial void OutboxCommitted(ILogger logger, int changeSetCount, int messageCount);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Marked {Count} outbox messages sent")]
    public static partial void OutboxMarkedSent(ILogger logger, int count);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Saved {Count} source record contacts; {ChangedCount} changed, last change sequence {LastSequence}")]
    public static partial void ContactsSaved(ILogger logger, int count, int changedCount, long lastSequence);
}
