using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// The queue status of a Service Bus queue from its management endpoint (<see cref="IServiceBusManagementApi"/>), with a
/// fallback: when the read fails (401/403 for a rule without the Manage right, 404, 5xx or timeout after the pipeline's
/// retries, an unreadable answer) the status is what the caller's fallback reports, marked with a
/// <see cref="QueueStatus.Caveat"/> naming the failure, and the failure is logged as a warning once per kind until a read
/// succeeds again. Never throws for a failed read; a cancellation by the caller still cancels.
/// </summary>
internal sealed class ServiceBusQueueStatusReader
{
    private readonly IServiceBusManagementApi _api;
    private readonly string _queueName;
    private readonly string _endpoint;
    private readonly ILogger _logger;
    private int _loggedFailures;

    public ServiceBusQueueStatusReader(IServiceBusManagementApi api, string queueName, string endpoint, ILogger logger)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        _queueName = queueName;
        _endpoint = endpoint;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// The broker's figures (see <see cref="ServiceBusQueueCounts.ToStatus"/>) with <paramref name="inFlight"/> as this
    /// process's locks, or, when the read fails, <paramref name="fallback"/>'s figures with a caveat.
    /// </summary>
    public async Task<QueueStatus> GetStatusAsync(long inFlight, Func<CancellationToken, Task<QueueStatus>> fallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        ServiceBusQueueCounts counts;
        try
        {
            var description = await _api.GetQueueDescriptionAsync(_queueName, cancellationToken).ConfigureAwait(false);
            counts = ServiceBusQueueCounts.Parse(description);
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } failure)
        {
            var detail = Detail(e);
            if (FirstOf(failure))
            {
                Log.DepthReadFailed(_logger, _queueName, _endpoint, failure, detail, Hint(failure));
            }

            var known = await fallback(cancellationToken).ConfigureAwait(false);
            return known with
            {
                Caveat = $"Service Bus depth read failed ({failure}: {detail}); depth and in flight are only what this process holds. {Hint(failure)}",
            };
        }

        if (Interlocked.Exchange(ref _loggedFailures, 0) != 0)
        {
            Log.DepthReadRecovered(_logger, _queueName, _endpoint);
        }

        return counts.ToStatus(inFlight);
    }

    private static ManagementReadFailure? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ManagementReadException read => read.Failure,
        ApiException { StatusCode: HttpStatusCode.Unauthorized } => ManagementReadFailure.Unauthorized,
        ApiException { StatusCode: HttpStatusCode.Forbidden } => ManagementReadFailure.Forbidden,
        ApiException { StatusCode: HttpStatusCode.NotFound } => ManagementReadFailure.NotFound,
        ApiException => ManagementReadFailure.HttpError,

        // Refit wraps what failed before an answer (timeouts, refused connections, an open circuit) in ApiRequestException.
        ApiRequestException { InnerException: { } inner } => Classify(inner, cancellationToken) ?? ManagementReadFailure.Unreachable,
        ApiRequestException => ManagementReadFailure.Unreachable,
        TimeoutRejectedException => ManagementReadFailure.Timeout,
        OperationCanceledException when !cancellationToken.IsCancellationRequested => ManagementReadFailure.Timeout,
        BrokenCircuitException or HttpRequestException => ManagementReadFailure.Unreachable,
        _ => null,
    };

    // Status line or exception message only: never the body (it may echo the request) nor headers.
    private static string Detail(Exception exception) => exception switch
    {
        ApiException api => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)api.StatusCode} {api.ReasonPhrase}").TrimEnd(),
        ApiRequestException { InnerException: { } inner } => Detail(inner),
        _ => exception.Message,
    };

    private static string Hint(ManagementReadFailure failure) => failure switch
    {
        ManagementReadFailure.Unauthorized or ManagementReadFailure.Forbidden =>
            "Reading a queue's description needs a SAS rule with the Manage right (Send and Listen are not enough); "
            + "use such a rule or set SyncBridge:Queue:ServiceBus:ReadQueueDepth to false.",
        ManagementReadFailure.NotFound => "Check SyncBridge:Queue:ServiceBus:QueueName and ManagementEndpoint.",
        _ => "It is tried again on the next status read.",
    };

    private bool FirstOf(ManagementReadFailure failure)
    {
        var bit = 1 << (int)failure;
        return (Interlocked.Or(ref _loggedFailures, bit) & bit) == 0;
    }
}
