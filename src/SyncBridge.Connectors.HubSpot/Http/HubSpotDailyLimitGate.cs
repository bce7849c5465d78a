using SyncBridge.Connectors.HubSpot.Configuration;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// Remembers that an account's daily quota is spent and until when, so that no request is sent before the
/// reset (midnight in the account's time zone). Shared by every client of the account; thread-safe.
/// </summary>
public sealed class HubSpotDailyLimitGate
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeZoneInfo _timeZone;
    private long _blockedUntilUtcTicks;

    public HubSpotDailyLimitGate(string account, string timeZoneId, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Account = account;
        _timeProvider = timeProvider;
        _timeZone = HubSpotOptionsValidator.TryFindTimeZone(timeZoneId) ? TimeZoneInfo.FindSystemTimeZoneById(timeZoneId) : TimeZoneInfo.Utc;
    }

    public string Account { get; }

    /// <summary>When requests may resume, or null when the quota is not known to be spent.</summary>
    public DateTimeOffset? BlockedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _blockedUntilUtcTicks);
            if (ticks == 0)
            {
                return null;
            }

            var until = new DateTimeOffset(ticks, TimeSpan.Zero);
            return until > _timeProvider.GetUtcNow() ? until : null;
        }
    }

    /// <summary>Marks the quota spent until the next midnight in the account's time zone; returns that instant.</summary>
    public DateTimeOffset Trip()
    {
        var reset = NextReset(_timeProvider.GetUtcNow());
        Interlocked.Exchange(ref _blockedUntilUtcTicks, reset.UtcTicks);
        return reset;
    }

    /// <summary>Throws <see cref="HubSpotDailyLimitReachedException"/> while the quota is spent.</summary>
    public void ThrowIfBlocked()
    {
        if (BlockedUntil is { } until)
        {
            throw new HubSpotDailyLimitReachedException(Account, until);
        }
    }

    /// <summary>The first midnight in the account's time zone after <paramref name="utcNow"/>.</summary>
    public DateTimeOffset NextReset(DateTimeOffset utcNow)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, _timeZone);
        var nextLocalMidnight = local.Date.AddDays(1);
        var offset = _timeZone.GetUtcOffset(nextLocalMidnight);
        return new DateTimeOffset(nextLocalMidnight, offset).ToUniversalTime();
    }
}
