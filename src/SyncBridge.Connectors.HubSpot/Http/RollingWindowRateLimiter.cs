using System.Threading.RateLimiting;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// Grants at most <c>permitLimit</c> permits in any rolling <c>window</c>, measured on the grant instants
/// (an exact log, like HubSpot's own rolling counters). A segmented sliding window hands permits back up to one
/// segment early, which against an exact server-side window turns a burst into 429s; the log never does.
/// Waiters are served first come, first served.
/// </summary>
internal sealed class RollingWindowRateLimiter : RateLimiter
{
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<long> _grants = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long _lastGrant;

    public RollingWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _permitLimit = permitLimit;
        _window = window;
        _timeProvider = timeProvider;
        _lastGrant = timeProvider.GetTimestamp();
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _grants.Count == 0 ? _timeProvider.GetElapsedTime(_lastGrant) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(_timeProvider.GetTimestamp());
            return new RateLimiterStatistics { CurrentAvailablePermits = _permitLimit - _grants.Count };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        return TryGrant(permitCount, out _) ? Lease.Acquired : Lease.Rejected;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!TryGrant(permitCount, out var wait))
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return Lease.Acquired;
        }
        finally
        {
            _turn.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryGrant(int permitCount, out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            Prune(now);
            if (_grants.Count + permitCount <= _permitLimit)
            {
                for (var i = 0; i < permitCount; i++)
                {
                    _grants.Enqueue(now);
                }

                _lastGrant = now;
                wait = TimeSpan.Zero;
                return true;
            }

            var oldest = _grants.Peek();
            wait = _window - _timeProvider.GetElapsedTime(oldest, now);
            if (wait < TimeSpan.FromMilliseconds(1))
            {
                wait = TimeSpan.FromMilliseconds(1);
            }

            return false;
        }
    }

    private void Prune(long now)
    {
        while (_grants.Count > 0 && _timeProvider.GetElapsedTime(_grants.Peek(), now) >= _window)
        {
            _grants.Dequeue();
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Rejected = new(false);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
