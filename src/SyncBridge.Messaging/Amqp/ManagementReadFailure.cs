namespace SyncBridge.Messaging.Amqp;

/// <summary>Why a read of the broker's queue depth failed; each kind is logged once until a read succeeds again.</summary>
internal enum ManagementReadFailure
{
    /// <summary>401: the token was refused; on Service Bus usually a rule without the Manage right.</summary>
    Unauthorized,

    /// <summary>403: the caller is known but may not read the entity (or a quota refused it).</summary>
    Forbidden,

    /// <summary>404, or an empty Atom feed: no queue of that name in the namespace.</summary>
    NotFound,

    /// <summary>Any other HTTP error after the resilience pipeline's retries (5xx, 429, …).</summary>
    HttpError,

    /// <summary>The request timed out (attempt or total timeout of the pipeline).</summary>
    Timeout,

    /// <summary>The endpoint could not be reached (DNS, connection refused, TLS) or the circuit breaker is open.</summary>
    Unreachable,

    /// <summary>The answer was not a readable queue description.</summary>
    Malformed,
}
