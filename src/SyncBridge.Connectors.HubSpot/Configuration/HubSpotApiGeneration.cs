namespace SyncBridge.Connectors.HubSpot.Configuration;

/// <summary>Which generation of HubSpot's API paths the clients call.</summary>
public enum HubSpotApiGeneration
{
    /// <summary>Date-versioned paths (<c>/crm/objects/2026-09/contacts</c>); v3 where an endpoint has no dated path.</summary>
    Dated202609 = 0,

    /// <summary>The <c>/crm/v3/...</c> paths (supported until September 2027).</summary>
    V3,
}
