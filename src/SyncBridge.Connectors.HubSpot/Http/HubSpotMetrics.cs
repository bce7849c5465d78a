using System.Diagnostics.Metrics;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// Meter <c>SyncBridge.HubSpot</c>: requests sent, 429s by policy, and the daily calls remaining as HubSpot
/// last reported them (<c>X-HubSpot-RateLimit-Daily-Remaining</c>).
/// </summary>
public sealed class HubSpotMetrics
{
    public const string MeterName = "SyncBridge.HubSpot";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Remaining, long Limit)> _daily = new(StringComparer.Ordinal);

    public HubSpotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("syncbridge.hubspot.requests", "{request}", "HTTP requests sent to HubSpot, by account and status code.");
        _rateLimited = meter.CreateCounter<long>("syncbridge.hubspot.rate_limited", "{response}", "429 responses from HubSpot, by account and policyName.");
        meter.CreateObservableGauge("syncbridge.hubspot.daily_remaining", ObserveDailyRemaining, "{request}", "Daily calls remaining as last reported by HubSpot.");
    }

    public void RecordRequest(string account, int statusCode) =>
        _requests.Add(1, new KeyValuePair<string, object?>("account", account), new KeyValuePair<string, object?>("status", statusCode));

    public void RecordRateLimited(string account, HubSpotRateLimitPolicy policy) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("account", account), new KeyValuePair<string, object?>("policy", policy.ToTag()));

    public void RecordDailyBudget(string account, long remaining, long limit)
    {
        lock (_gate)
        {
            _daily[account] = (remaining, limit);
        }
    }

    /// <summary>The last reported (remaining, limit) of an account, or null before any response carried it.</summary>
    public (long Remaining, long Limit)? DailyBudget(string account)
    {
        lock (_gate)
        {
            return _daily.TryGetValue(account, out var value) ? value : null;
        }
    }

    private IEnumerable<Measurement<long>> ObserveDailyRemaining()
    {
        lock (_gate)
        {
            return _daily.Select(pair => new Measurement<long>(pair.Value.Remaining, new KeyValuePair<string, object?>("account", pair.Key))).ToList();
        }
    }
}
