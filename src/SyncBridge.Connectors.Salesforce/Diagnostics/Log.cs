using Microsoft.Extensions.Logging;

namespace SyncBridge.Connectors.Salesforce.Diagnostics;

/// <summary>Salesforce connector log events. No tokens, secrets, emails or phone numbers: record ids only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Salesforce session obtained with the {Flow} flow for instance {InstanceHost}")]
    public static partial void SessionObtained(ILogger logger, Configuration.SalesforceAuthFlow flow, string instanceHost);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Salesforce token request failed with {Status}: {Error}")]
    public static partial void TokenRequestFailed(ILogger logger, int status, string error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Salesforce session expired or invalid on {Path}; renewing once and retrying")]
    public static partial void SessionRenewing(ILogger logger, string path);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Salesforce API allocation stop ({Reason}): used {Used} of {Limit}")]
    public static partial void LimitStop(ILogger logger, string reason, long used, long limit);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Salesforce {SObject}: the deleted-records window starts at {EarliestAvailable}, after the cursor's {Since}; a full resync is scheduled")]
    public static partial void FullResyncScheduled(ILogger logger, string sObject, DateTimeOffset earliestAvailable, DateTimeOffset since);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Salesforce {SObject} record {RecordId} skipped: {Reason}")]
    public static partial void RecordSkipped(ILogger logger, string sObject, string recordId, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Salesforce {SObject} page: {Count} records, {Deleted} deleted, {Errors} errors, cursor {CursorId}")]
    public static partial void PageRead(ILogger logger, string sObject, int count, int deleted, int errors, string cursorId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Salesforce write of {SObject} {RecordId} failed ({Outcome}): {Code}")]
    public static partial void WriteFailed(ILogger logger, string sObject, string recordId, string outcome, string code);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Salesforce collections write: {Records} records in {Calls} calls, {Failures} failures")]
    public static partial void CollectionsWritten(ILogger logger, int records, int calls, int failures);
}
