using System.Runtime.ExceptionServices;
using Refit;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// Refit wraps every exception raised before a response (transport, timeout, open circuit, our own daily-limit
/// stop) in <see cref="ApiRequestException"/>. The daily limit is a decision callers act on, so it is unwrapped.
/// </summary>
internal static class HubSpotCall
{
    public static async Task<T> RunAsync<T>(Task<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (ApiRequestException exception) when (exception.InnerException is HubSpotDailyLimitReachedException daily)
        {
            ExceptionDispatchInfo.Capture(daily).Throw();
            throw;
        }
    }

    public static async Task RunAsync(Task call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (ApiRequestException exception) when (exception.InnerException is HubSpotDailyLimitReachedException daily)
        {
            ExceptionDispatchInfo.Capture(daily).Throw();
            throw;
        }
    }
}
