using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Logging;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// Innermost handler: refuses to send while the daily quota is spent, records the request and the
/// <c>X-HubSpot-RateLimit-*</c> budget, reads a 429's <c>policyName</c> for the retry strategy, and turns a
/// DAILY 429 into <see cref="HubSpotDailyLimitReachedException"/> (never retried).
/// </summary>
internal sealed class HubSpotRateLimitHandler(HubSpotAccountContext account, HubSpotMetrics metrics, ILogger<HubSpotRateLimitHandler> logger)
    : DelegatingHandler
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        account.DailyGate.ThrowIfBlocked();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        metrics.RecordRequest(account.Name, (int)response.StatusCode);
        RecordBudget(response);

        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return response;
        }

        var policy = await ReadPolicyAsync(response, cancellationToken).ConfigureAwait(false);
        metrics.RecordRateLimited(account.Name, policy);
        request.Options.Set(HubSpotRequestOptions.RateLimitPolicy, policy);
        if (policy != HubSpotRateLimitPolicy.Daily)
        {
            return response;
        }

        response.Dispose();
        metrics.RecordDailyBudget(account.Name, 0, metrics.DailyBudget(account.Name)?.Limit ?? account.Options.DailyLimit);
        var resetsAt = account.DailyGate.Trip();
        Log.DailyLimitReached(logger, account.Name, resetsAt);
        throw new HubSpotDailyLimitReachedException(account.Name, resetsAt);
    }

    private static async Task<HubSpotRateLimitPolicy> ReadPolicyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadFromJsonAsync<HubSpotErrorBody>(JsonOptions, cancellationToken).ConfigureAwait(false);
            return HubSpotRateLimitPolicyNames.Parse(body?.PolicyName);
        }
        catch (JsonException)
        {
            return HubSpotRateLimitPolicy.Unknown;
        }
        catch (NotSupportedException)
        {
            return HubSpotRateLimitPolicy.Unknown;
        }
    }

    private void RecordBudget(HttpResponseMessage response)
    {
        if (TryReadLong(response, "X-HubSpot-RateLimit-Daily-Remaining", out var remaining))
        {
            var limit = TryReadLong(response, "X-HubSpot-RateLimit-Daily", out var daily) ? daily : account.Options.DailyLimit;
            metrics.RecordDailyBudget(account.Name, remaining, limit);
        }
    }

    private static bool TryReadLong(HttpResponseMessage response, string header, out long value)
    {
        value = 0;
        return response.Headers.TryGetValues(header, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
