namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// The account's daily request quota is spent (a DAILY 429). Never retried: the source stops until
/// <see cref="ResetsAt"/> (midnight in the account's time zone) and the poll job reports it.
/// </summary>
public sealed class HubSpotDailyLimitReachedException : Exception
{
    public HubSpotDailyLimitReachedException()
        : this("default", DateTimeOffset.MinValue)
    {
    }

    public HubSpotDailyLimitReachedException(string message)
        : base(message)
    {
        Account = "default";
    }

    public HubSpotDailyLimitReachedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Account = "default";
    }

    public HubSpotDailyLimitReachedException(string account, DateTimeOffset resetsAt)
        : base($"HubSpot account '{account}' reached its daily request limit; requests resume at {resetsAt:O}.")
    {
        Account = account;
        ResetsAt = resetsAt;
    }

    /// <summary>The account (options AccountName) whose quota is spent.</summary>
    public string Account { get; }

    /// <summary>When the daily quota resets.</summary>
    public DateTimeOffset ResetsAt { get; }
}
