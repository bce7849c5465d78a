using System.Globalization;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Http;

namespace SyncBridge.Connectors.Salesforce.Health;

/// <summary>
/// A readiness probe of the Salesforce org: <c>GET /limits</c> through the real Refit client, session (token) handler,
/// allocation guard and resilience pipeline. Throws what that call throws; returns a short description without secrets.
/// </summary>
public sealed class SalesforceReachability
{
    private const string DailyApiRequests = "DailyApiRequests";

    private readonly ISalesforceApi _api;
    private readonly IOptions<SalesforceOptions> _options;

    internal SalesforceReachability(ISalesforceApi api, IOptions<SalesforceOptions> options)
    {
        _api = api;
        _options = options;
    }

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var limits = SalesforceResponses.Ensure(await _api.GetLimitsAsync(_options.Value.ApiVersion, cancellationToken).ConfigureAwait(false));
        return limits.TryGetValue(DailyApiRequests, out var daily)
            ? string.Create(CultureInfo.InvariantCulture, $"limits answered: {daily.Remaining} of {daily.Max} daily API requests remaining")
            : "limits answered";
    }
}
