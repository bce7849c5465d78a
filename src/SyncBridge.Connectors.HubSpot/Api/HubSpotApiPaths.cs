using SyncBridge.Connectors.HubSpot.Configuration;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>Path prefixes of the configured API generation.</summary>
internal sealed record HubSpotApiPaths(string Objects, string Properties)
{
    public static HubSpotApiPaths For(HubSpotApiGeneration generation) => generation switch
    {
        HubSpotApiGeneration.V3 => new("crm/v3/objects", "crm/v3/properties"),
        _ => new("crm/objects/2026-09", "crm/properties/2026-09"),
    };
}
