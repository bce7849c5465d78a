using System.Net;

namespace SyncBridge.Connectors.Salesforce.Http;

/// <summary>
/// A call Salesforce refused as a whole (top-level <c>[{message, errorCode}]</c>), or that still failed after
/// the resilience pipeline's retries. <see cref="IsTransient"/> says whether a later attempt may pass.
/// </summary>
public sealed class SalesforceApiException : Exception
{
    public SalesforceApiException()
    {
    }

    public SalesforceApiException(string message)
        : base(message)
    {
    }

    public SalesforceApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SalesforceApiException(HttpStatusCode statusCode, string errorCode, string message)
        : base($"Salesforce answered {(int)statusCode} {errorCode}: {message}")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode StatusCode { get; }

    public string ErrorCode { get; } = string.Empty;

    public bool IsTransient => (int)StatusCode >= 500 || StatusCode == HttpStatusCode.RequestTimeout
        || ErrorCode is "UNABLE_TO_LOCK_ROW" or "SERVER_UNAVAILABLE";
}
