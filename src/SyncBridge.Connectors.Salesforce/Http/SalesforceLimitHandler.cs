using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Diagnostics;

namespace SyncBridge.Connectors.Salesforce.Http;

/// <summary>
/// Reads <c>Sforce-Limit-Info</c> on every response into the metric, refuses to send once SyncBridge's share of
/// the daily allocation is used (stopping before it, not at it), and turns 403 REQUEST_LIMIT_EXCEEDED into a
/// <see cref="SalesforceLimitException"/> that no retry handles.
/// </summary>
internal sealed class SalesforceLimitHandler(
    SalesforceMetrics metrics,
    IOptions<SalesforceOptions> options,
    ILogger<SalesforceLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var used = metrics.Used;
        var limit = metrics.Limit;
        if (limit > 0)
        {
            var allowed = (long)Math.Floor(limit * options.Value.DailyAllocationShare);
            if (used + 1 >= allowed)
            {
                Log.LimitStop(logger, nameof(SalesforceLimitReason.AllocationShareReached), used, limit);
                metrics.RecordLimitStop(nameof(SalesforceLimitReason.AllocationShareReached));
                throw new SalesforceLimitException(
                    SalesforceLimitReason.AllocationShareReached,
                    used,
                    limit,
                    $"SyncBridge's share ({options.Value.DailyAllocationShare:0.##}) of the org's daily API allocation is used: {used} of {limit}.");
            }
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        metrics.RecordRequest((int)response.StatusCode);
        if (response.Headers.TryGetValues(SalesforceLimitInfo.HeaderName, out var values)
            && SalesforceLimitInfo.TryParse(values.FirstOrDefault(), out used, out limit))
        {
            metrics.RecordUsage(used, limit);
        }

        if (response.StatusCode == HttpStatusCode.Forbidden && response.Content is not null)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (body.Contains("REQUEST_LIMIT_EXCEEDED", StringComparison.Ordinal))
            {
                response.Dispose();
                Log.LimitStop(logger, nameof(SalesforceLimitReason.RequestLimitExceeded), metrics.Used, metrics.Limit);
                metrics.RecordLimitStop(nameof(SalesforceLimitReason.RequestLimitExceeded));
                throw new SalesforceLimitException(
                    SalesforceLimitReason.RequestLimitExceeded,
                    metrics.Used,
                    metrics.Limit,
                    "Salesforce answered REQUEST_LIMIT_EXCEEDED: " + SalesforceErrorBody.FirstMessage(body));
            }
        }

        return response;
    }
}
