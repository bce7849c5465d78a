using Refit;

namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>HubSpot contact property definitions. <c>propertiesPath</c> comes from <see cref="HubSpotApiPaths"/>.</summary>
internal interface IHubSpotPropertiesApi
{
    [Get("/{**propertiesPath}/contacts")]
    Task<HubSpotPropertyCollection> ListAsync(string propertiesPath, CancellationToken cancellationToken);

    [Get("/{**propertiesPath}/contacts/{propertyName}")]
    Task<HubSpotProperty> GetAsync(string propertiesPath, string propertyName, CancellationToken cancellationToken);

    [Post("/{**propertiesPath}/contacts")]
    Task<HubSpotProperty> CreateAsync(string propertiesPath, [Body] HubSpotPropertyCreate property, CancellationToken cancellationToken);

    [Post("/{**propertiesPath}/contacts/groups")]
    Task CreateGroupAsync(string propertiesPath, [Body] HubSpotPropertyGroupCreate group, CancellationToken cancellationToken);
}
