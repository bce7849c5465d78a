using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;
using SyncBridge.Connectors.HubSpot.Logging;

namespace SyncBridge.Connectors.HubSpot.Http;

/// <summary>
/// The one pipeline of a HubSpot account, shared by all its clients. Outer to inner: total timeout, retry
/// (jittered exponential backoff on 5xx / timeouts / connection failures; Retry-After or a short wait on
/// 10-second and secondly 429s), circuit breaker (5xx and transport failures only), the account's rate limiters
/// (one permit per attempt), per-attempt timeout.
/// </summary>
internal static class HubSpotResiliencePipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, HubSpotAccountContext account, ILogger logger)
    {
        var options = account.Options;
        builder.AddTimeout(options.TotalTimeout);

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RateLimitedDelay(args.Outcome, options.RateLimitedDefaultDelay)),
                OnRetry = args =>
                {
                    if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
                    {
                        var policy = PolicyOf(limited).ToTag();
                        Log.RateLimitedRetry(logger, account.Name, policy, args.AttemptNumber + 1, args.RetryDelay);
                    }
                    else
                    {
                        if (logger.IsEnabled(LogLevel.Warning))
                        {
                            var reason = args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
                            Log.TransientRetry(logger, account.Name, args.AttemptNumber + 1, reason, args.RetryDelay);
                        }
                    }

                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsServerOrTransportFailure(args.Outcome)),
        });

        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            RateLimiter = args =>
            {
                var request = args.Context.GetRequestMessage()
                    ?? throw new InvalidOperationException("The HubSpot pipeline runs only inside its HTTP handler.");
                return account.RateLimiter.AcquireAsync(request, 1, args.Context.CancellationToken);
            },
        });

        builder.AddTimeout(options.AttemptTimeout);
    }

    internal static bool IsRetryable(Outcome<HttpResponseMessage> outcome)
    {
        if (IsServerOrTransportFailure(outcome))
        {
            return true;
        }

        return outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response && PolicyOf(response) != HubSpotRateLimitPolicy.Daily;
    }

    private static bool IsServerOrTransportFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    /// <summary>A 429 waits what Retry-After says, or the configured default; anything else uses the backoff (null).</summary>
    private static TimeSpan? RateLimitedDelay(Outcome<HttpResponseMessage> outcome, TimeSpan defaultDelay)
    {
        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            return null;
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta && delta > TimeSpan.Zero)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date && response.Headers.Date is { } now && date > now)
        {
            return date - now;
        }

        return defaultDelay;
    }

    private static HubSpotRateLimitPolicy PolicyOf(HttpResponseMessage response) =>
        response.RequestMessage is { } request && request.Options.TryGetValue(HubSpotRequestOptions.RateLimitPolicy, out var policy)
            ? policy
            : HubSpotRateLimitPolicy.Unknown;
}
