using Microsoft.Extensions.Logging;

namespace SyncBridge.Connectors.HubSpot.Logging;

/// <summary>HubSpot connector log messages. Never a token, email or phone: record ids and counts only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "HubSpot account {Account} hit its daily request limit; requests resume at {ResetsAt:O}")]
    public static partial void DailyLimitReached(ILogger logger, string account, DateTimeOffset resetsAt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "HubSpot account {Account} returned 429 ({Policy}); retry {Attempt} in {Delay}")]
    public static partial void RateLimitedRetry(ILogger logger, string account, string policy, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "HubSpot account {Account}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void TransientRetry(ILogger logger, string account, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "HubSpot account {Account}: access token refreshed, valid until {ExpiresAt:O}")]
    public static partial void TokenRefreshed(ILogger logger, string account, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "HubSpot account {Account}: request rejected with 401; refreshing the access token once")]
    public static partial void UnauthorizedRefreshing(ILogger logger, string account);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "HubSpot source {Source}: full backfill starts (no cursor)")]
    public static partial void BackfillStarting(ILogger logger, string source);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "HubSpot source {Source}: search window {From:O}..{To:O} holds {Total} results, over the cap {Cap}; narrowing")]
    public static partial void WindowSplit(ILogger logger, string source, DateTimeOffset from, DateTimeOffset to, int total, int cap);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "HubSpot source {Source}: {Total} contacts share timestamp {Timestamp:O}; paging by hs_object_id")]
    public static partial void SingleTimestampOverflow(ILogger logger, string source, DateTimeOffset timestamp, int total);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "HubSpot source {Source}: record {Location} skipped: {Reason}")]
    public static partial void RecordSkipped(ILogger logger, string source, string location, string reason);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "HubSpot account {Account}: created contact property {Property}")]
    public static partial void PropertyCreated(ILogger logger, string account, string property);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "HubSpot account {Account}: created property group {Group}")]
    public static partial void PropertyGroupCreated(ILogger logger, string account, string group);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "HubSpot account {Account}: batch update of {Count} contacts failed: {Outcome}")]
    public static partial void BatchFailed(ILogger logger, string account, int count, string outcome);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Information, Message = "HubSpot account {Account}: operator moved contact {ContactId} back to lifecycle stage {Stage}")]
    public static partial void LifecycleMovedBack(ILogger logger, string account, string contactId, string stage);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "HubSpot source {Source}: {Count} new form submissions in {Forms} forms")]
    public static partial void FormSubmissionsRead(ILogger logger, string source, int count, int forms);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "HubSpot account {Account}: {Created} contacts created by upsert on email, {Updated} existing ones updated")]
    public static partial void ContactsUpserted(ILogger logger, string account, int created, int updated);
}
