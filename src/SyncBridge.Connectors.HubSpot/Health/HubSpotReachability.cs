using System.Globalization;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;

namespace SyncBridge.Connectors.HubSpot.Health;

/// <summary>
/// A readiness probe of the HubSpot account: one cheap call (the contact property definitions) through the real
/// Refit client, auth handler and resilience pipeline. Throws what that call throws; returns a short description
/// without secrets.
/// </summary>
public sealed class HubSpotReachability
{
    private readonly IHubSpotPropertiesApi _properties;
    private readonly HubSpotAccountContext _account;

    internal HubSpotReachability(IHubSpotPropertiesApi properties, HubSpotAccountContext account)
    {
        _properties = properties;
        _account = account;
    }

    /// <summary>The account probed (<c>SyncBridge:HubSpot:AccountName</c>).</summary>
    public string AccountName => _account.Name;

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var collection = await _properties.ListAsync(_account.Paths.Properties, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"account {_account.Name}: {collection.Results?.Count ?? 0} contact properties listed");
    }
}
