namespace SyncBridge.Connectors.Salesforce.Http;

public enum SalesforceLimitReason
{
    /// <summary>SyncBridge's configured share of the daily allocation is used up; it stopped before calling.</summary>
    AllocationShareReached = 1,

    /// <summary>Salesforce answered 403 REQUEST_LIMIT_EXCEEDED (allocation spent or too many concurrent long requests).</summary>
    RequestLimitExceeded,
}

/// <summary>
/// Salesforce's API allocation stops the run. Never retried: the poll job records it and tries at its next
/// trigger. <see cref="Used"/> and <see cref="Limit"/> are the last <c>Sforce-Limit-Info</c> figures (-1 when unknown).
/// </summary>
public sealed class SalesforceLimitException : Exception
{
    public SalesforceLimitException()
    {
    }

    public SalesforceLimitException(string message)
        : base(message)
    {
    }

    public SalesforceLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SalesforceLimitException(SalesforceLimitReason reason, long used, long limit, string message)
        : base(message)
    {
        Reason = reason;
        Used = used;
        Limit = limit;
    }

    public SalesforceLimitReason Reason { get; }

    public long Used { get; } = -1;

    public long Limit { get; } = -1;
}
