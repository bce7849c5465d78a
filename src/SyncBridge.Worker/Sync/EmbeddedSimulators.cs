using System.Globalization;
using Microsoft.Extensions.Configuration;
using SyncBridge.Simulators.HubSpot;
using SyncBridge.Simulators.Salesforce;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// The built-in HubSpot and Salesforce simulators, started in-process on 127.0.0.1 for every CRM that has no real
/// credentials. Both are seeded from the same synthetic people, so the same humans appear in both, formatted
/// differently. Returns the settings that point the connectors at them.
/// </summary>
internal sealed class EmbeddedSimulators : IAsyncDisposable
{
    private HubSpotSimulator? _hubSpot;
    private SalesforceSimulator? _salesforce;

    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = new Dictionary<string, string?>();

    public HubSpotSimulator? HubSpot => _hubSpot;

    public SalesforceSimulator? Salesforce => _salesforce;

    public static async Task<EmbeddedSimulators> StartAsync(ConnectorSelection selection, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(configuration);
        var simulators = new EmbeddedSimulators();
        var settings = new Dictionary<string, string?>();
        var people = int.TryParse(configuration["SyncBridge:Simulators:People"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 300;
        try
        {
            if (selection.SimulateHubSpot)
            {
                simulators._hubSpot = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = people }, cancellationToken).ConfigureAwait(false);
                settings["SyncBridge:HubSpot:BaseUrl"] = simulators._hubSpot.BaseUrl.ToString();
                settings["SyncBridge:HubSpot:AccessToken"] = "simulator";
                settings["SyncBridge:HubSpot:OAuth:RefreshToken"] = null;
            }

            if (selection.SimulateSalesforce)
            {
                var options = new SalesforceSimulatorOptions { ContactCount = people / 2, LeadCount = people / 3, ConvertedLeadCount = people / 20 };
                simulators._salesforce = await SalesforceSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
                settings["SyncBridge:Salesforce:LoginUrl"] = simulators._salesforce.BaseUrl.ToString();
                settings["SyncBridge:Salesforce:Flow"] = "ClientCredentials";
                settings["SyncBridge:Salesforce:ClientId"] = options.ClientId;
                settings["SyncBridge:Salesforce:ClientSecret"] = options.ClientSecret;
            }
        }
        catch
        {
            await simulators.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        simulators.Settings = settings;
        return simulators;
    }

    public async ValueTask DisposeAsync()
    {
        if (_hubSpot is not null)
        {
            await _hubSpot.DisposeAsync().ConfigureAwait(false);
        }

        if (_salesforce is not null)
        {
            await _salesforce.DisposeAsync().ConfigureAwait(false);
        }
    }
}
