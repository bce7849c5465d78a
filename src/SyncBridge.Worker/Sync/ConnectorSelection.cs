using Microsoft.Extensions.Configuration;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// Which CRMs are configured for real. A CRM counts as configured when its credentials are set (through environment
/// variables or user secrets, never a committed file); otherwise, when <c>SyncBridge:Simulators:Enabled</c> is true
/// (the default), SyncBridge talks to its built-in simulator instead, so it runs with no accounts at all.
/// </summary>
internal sealed record ConnectorSelection(bool HubSpotConfigured, bool SalesforceConfigured, bool SimulatorsEnabled)
{
    public const string SimulatorsEnabledKey = "SyncBridge:Simulators:Enabled";

    public bool SimulateHubSpot => !HubSpotConfigured && SimulatorsEnabled;

    public bool SimulateSalesforce => !SalesforceConfigured && SimulatorsEnabled;

    public static ConnectorSelection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hubSpot = !string.IsNullOrWhiteSpace(configuration["SyncBridge:HubSpot:AccessToken"])
            || !string.IsNullOrWhiteSpace(configuration["SyncBridge:HubSpot:OAuth:RefreshToken"]);
        var salesforce = !string.IsNullOrWhiteSpace(configuration["SyncBridge:Salesforce:ClientId"]);
        var simulators = !bool.TryParse(configuration[SimulatorsEnabledKey], out var enabled) || enabled;
        return new ConnectorSelection(hubSpot, salesforce, simulators);
    }
}
