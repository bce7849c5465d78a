using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Web;

/// <summary>
/// A readiness check around one probe (the state store, the queue, a CRM): healthy with the probe's description, or
/// unhealthy with the exception's type and its message with personal data redacted. This is the edge: any failure of the
/// probe is the check's answer. With <paramref name="cacheFor"/> the answer is reused for that long, so a probe that
/// spends a CRM API call costs at most one call per window however often readiness is scraped.
/// </summary>
internal sealed class ProbeHealthCheck(Func<CancellationToken, Task<string>> probe, TimeProvider? time = null, TimeSpan cacheFor = default) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, long At)? _cached;

    public void Dispose() => _gate.Dispose();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (cacheFor <= TimeSpan.Zero || time is null)
        {
            return await ProbeAsync(context, cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } cached && time.GetElapsedTime(cached.At) < cacheFor)
            {
                return cached.Result;
            }

            var result = await ProbeAsync(context, cancellationToken).ConfigureAwait(false);
            _cached = (result, time.GetTimestamp());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            return HealthCheckResult.Healthy(await probe(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, Describe(ex));
        }
    }

    /// <summary>The exception's type and its first line, personal data redacted, at most 300 characters.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message.Split('\n', 2)[0].Trim();
        var text = $"{exception.GetType().Name}: {PersonalDataRedactionEnricher.Redact(message) ?? message}";
        return text.Length <= 300 ? text : text[..300];
    }
}
