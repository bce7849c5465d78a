using System.Diagnostics.Metrics;

namespace SyncBridge.Connectors.Salesforce.Diagnostics;

/// <summary>
/// Meter <c>SyncBridge.Salesforce</c>: the org's API usage as Salesforce reports it on every response
/// (<c>Sforce-Limit-Info</c>), requests, token requests, limit stops and full resyncs.
/// </summary>
public sealed class SalesforceMetrics
{
    public const string MeterName = "SyncBridge.Salesforce";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _tokenRequests;
    private readonly Counter<long> _limitStops;
    private readonly Counter<long> _fullResyncs;
    private long _used = -1;
    private long _limit = -1;

    public SalesforceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("syncbridge.salesforce.requests", "{request}", "Salesforce REST calls answered.");
        _tokenRequests = meter.CreateCounter<long>("syncbridge.salesforce.token_requests", "{request}", "OAuth token requests.");
        _limitStops = meter.CreateCounter<long>("syncbridge.salesforce.limit_stops", "{stop}", "Runs stopped by the API allocation.");
        _fullResyncs = meter.CreateCounter<long>("syncbridge.salesforce.full_resyncs", "{resync}", "Full resyncs scheduled because the deleted-records window no longer covered the cursor.");
        meter.CreateObservableGauge("syncbridge.salesforce.api_usage", () => Interlocked.Read(ref _used), "{request}", "API requests used in the org's rolling 24 h window (Sforce-Limit-Info).");
        meter.CreateObservableGauge("syncbridge.salesforce.api_limit", () => Interlocked.Read(ref _limit), "{request}", "The org's rolling 24 h API allocation (Sforce-Limit-Info).");
    }

    /// <summary>The last usage Salesforce reported, or -1 before the first response.</summary>
    public long Used => Interlocked.Read(ref _used);

    /// <summary>The last allocation Salesforce reported, or -1 before the first response.</summary>
    public long Limit => Interlocked.Read(ref _limit);

    internal void RecordUsage(long used, long limit)
    {
        Interlocked.Exchange(ref _used, used);
        Interlocked.Exchange(ref _limit, limit);
    }

    internal void RecordRequest(int statusCode) => _requests.Add(1, new KeyValuePair<string, object?>("http.response.status_code", statusCode));

    internal void RecordTokenRequest(bool success) => _tokenRequests.Add(1, new KeyValuePair<string, object?>("success", success));

    internal void RecordLimitStop(string reason) => _limitStops.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void RecordFullResync(string objectType) => _fullResyncs.Add(1, new KeyValuePair<string, object?>("sobject", objectType));
}
