namespace SyncBridge.Simulators.HubSpot;

/// <summary>
/// HubSpot's limits, exactly: a rolling 10-second window for ordinary requests, a rolling 1-second window for
/// search, a daily count reset at UTC midnight of the simulator's clock. Thread-safe.
/// </summary>
internal sealed class HubSpotSimRateLimits(HubSpotSimulatorOptions options)
{
    private const long TenSecondsMs = 10_000;
    private const long OneSecondMs = 1_000;

    private readonly Lock _gate = new();
    private readonly Queue<long> _tenSecond = new();
    private readonly Queue<long> _search = new();
    private long _day = -1;
    private long _dailyUsed;

    /// <summary>Admits a request, or names the policy that refuses it.</summary>
    public HubSpotSimAdmission Admit(bool search, long nowMs)
    {
        lock (_gate)
        {
            var day = nowMs / 86_400_000L;
            if (day != _day)
            {
                _day = day;
                _dailyUsed = 0;
            }

            if (_dailyUsed >= options.DailyLimit)
            {
                return new HubSpotSimAdmission("DAILY", 0, Remaining(nowMs));
            }

            if (search)
            {
                Prune(_search, nowMs, OneSecondMs);
                if (options.SearchRequestsPerSecond is { } perSecond && _search.Count >= perSecond)
                {
                    return new HubSpotSimAdmission("SECONDLY", DailyRemaining(), Remaining(nowMs));
                }

                _search.Enqueue(nowMs);
            }
            else
            {
                Prune(_tenSecond, nowMs, TenSecondsMs);
                if (options.RequestsPer10Seconds is { } limit && _tenSecond.Count >= limit)
                {
                    return new HubSpotSimAdmission("TEN_SECONDLY_ROLLING", DailyRemaining(), 0);
                }

                _tenSecond.Enqueue(nowMs);
            }

            _dailyUsed++;
            return new HubSpotSimAdmission(null, DailyRemaining(), Remaining(nowMs));
        }
    }

    private long DailyRemaining() => Math.Max(0, options.DailyLimit - _dailyUsed);

    private int Remaining(long nowMs)
    {
        Prune(_tenSecond, nowMs, TenSecondsMs);
        return options.RequestsPer10Seconds is { } limit ? Math.Max(0, limit - _tenSecond.Count) : int.MaxValue;
    }

    private static void Prune(Queue<long> window, long nowMs, long lengthMs)
    {
        while (window.Count > 0 && nowMs - window.Peek() >= lengthMs)
        {
            window.Dequeue();
        }
    }
}
