using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Web;

/// <summary>
/// A readiness check around one probe (the state store, the queue, a CRM): healthy with the probe's description, or
/// unhealthy with the exception's type and its message with personal data redacted. This is the edge: any failure of the
/// probe is the check's answer.
/// </summary>
internal sealed class ProbeHealthCheck(Func<CancellationToken, Task<string>> probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
