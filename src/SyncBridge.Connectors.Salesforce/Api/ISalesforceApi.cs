using Refit;

namespace SyncBridge.Connectors.Salesforce.Api;

/// <summary>
/// The REST data calls. The base address is a placeholder: the auth handler sends every call to the
/// instance URL of the current session.
/// </summary>
internal interface ISalesforceApi
{
    [Get("/services/data/")]
    Task<IApiResponse<IReadOnlyList<SalesforceVersion>>> GetVersionsAsync(CancellationToken cancellationToken);

    [Get("/services/data/v{version}/query")]
    Task<IApiResponse<SalesforceQueryResult>> QueryAsync(
        string version,
        [AliasAs("q")] string soql,
        [Header("Sforce-Query-Options")] string queryOptions,
        CancellationToken cancellationToken);

    [Get("/services/data/v{version}/queryAll")]
    Task<IApiResponse<SalesforceQueryResult>> QueryAllAsync(
        string version,
        [AliasAs("q")] string soql,
        [Header("Sforce-Query-Options")] string queryOptions,
        CancellationToken cancellationToken);

    /// <summary>Follows a <c>nextRecordsUrl</c> (given without its leading slash).</summary>
    [Get("/{**nextRecordsPath}")]
    Task<IApiResponse<SalesforceQueryResult>> QueryMoreAsync(
        string nextRecordsPath,
        [Header("Sforce-Query-Options")] string queryOptions,
        CancellationToken cancellationToken);

    [Get("/services/data/v{version}/sobjects/{sObject}/deleted/")]
    Task<IApiResponse<SalesforceDeletedResult>> GetDeletedAsync(
        string version,
        string sObject,
        string start,
        string end,
        CancellationToken cancellationToken);

    [Patch("/services/data/v{version}/composite/sobjects")]
    Task<IApiResponse<IReadOnlyList<SalesforceSaveResult>>> UpdateCollectionAsync(
        string version,
        [Body] SalesforceCollectionRequest request,
        CancellationToken cancellationToken);

    [Patch("/services/data/v{version}/composite/sobjects/{sObject}/{externalIdField}")]
    Task<IApiResponse<IReadOnlyList<SalesforceSaveResult>>> UpsertCollectionAsync(
        string version,
        string sObject,
        string externalIdField,
        [Body] SalesforceCollectionRequest request,
        CancellationToken cancellationToken);

    [Get("/services/data/v{version}/limits")]
    Task<IApiResponse<IReadOnlyDictionary<string, SalesforceLimit>>> GetLimitsAsync(string version, CancellationToken cancellationToken);
}
