using System.Threading.RateLimiting;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Configuration;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// What every client of one HubSpot account shares: the options, the API paths of the configured generation,
/// the daily-limit gate and the client-side rate limiters (the account quota for every request, plus the
/// search limit for search requests). One instance per account.
/// </summary>
internal sealed class HubSpotAccountContext : IDisposable
{
    /// <summary>Padding added to the client windows so that network jitter cannot push a request into HubSpot's previous window.</summary>
    private static readonly TimeSpan WindowPadding = TimeSpan.FromMilliseconds(100);

    private readonly RollingWindowRateLimiter _quota;
    private readonly RollingWindowRateLimiter _search;

    public HubSpotAccountContext(HubSpotOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Paths = HubSpotApiPaths.For(options.Generation);
        DailyGate = new HubSpotDailyLimitGate(options.AccountName, options.AccountTimeZone, timeProvider);

        // The limiters pace real wire traffic, so they run on the system clock.
        _quota = new RollingWindowRateLimiter(options.EffectiveRequestsPer10Seconds, TimeSpan.FromSeconds(10) + WindowPadding, TimeProvider.System);
        _search = new RollingWindowRateLimiter(options.SearchRequestsPerSecond, TimeSpan.FromSeconds(1) + WindowPadding, TimeProvider.System);
        var quota = PartitionedRateLimiter.Create<HttpRequestMessage, string>(_ => RateLimitPartition.Get("quota", _ => _quota));
        var search = PartitionedRateLimiter.Create<HttpRequestMessage, string>(request => IsSearch(request)
            ? RateLimitPartition.Get("search", _ => _search)
            : RateLimitPartition.GetNoLimiter("other"));
        RateLimiter = PartitionedRateLimiter.CreateChained(search, quota);
    }

    public HubSpotOptions Options { get; }

    public string Name => Options.AccountName;

    public string PipelineKey => "hubspot:" + Options.AccountName;

    public HubSpotApiPaths Paths { get; }

    public HubSpotDailyLimitGate DailyGate { get; }

    /// <summary>Acquire one permit per HTTP attempt.</summary>
    public PartitionedRateLimiter<HttpRequestMessage> RateLimiter { get; }

    /// <summary>Permits left in the account quota's current window (tests and diagnostics).</summary>
    internal long AvailableQuota => _quota.GetStatistics()?.CurrentAvailablePermits ?? 0;

    public static bool IsSearch(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post
        && request.RequestUri is { } uri
        && uri.AbsolutePath.EndsWith("/search", StringComparison.Ordinal);

    public void Dispose()
    {
        RateLimiter.Dispose();
        _quota.Dispose();
        _search.Dispose();
    }
}
