namespace SyncBridge.Connectors.Salesforce.Configuration;

/// <summary>
/// The Lead and Contact fields SyncBridge writes its decisions to (custom fields, created by the org admin on
/// both objects). A blank name switches that write-back off.
/// </summary>
public sealed class SalesforceWriteBackOptions
{
    public string LifecycleStageField { get; set; } = "SyncBridge_Lifecycle_Stage__c";

    public string ScoreField { get; set; } = "SyncBridge_Score__c";

    public string HotLeadField { get; set; } = "SyncBridge_Hot_Lead__c";

    public string MarketingDecisionField { get; set; } = "SyncBridge_Marketing_Decision__c";

    /// <summary>
    /// Number field (18, 0) that receives the decision version of each update in the same request, so an update in
    /// doubt is not applied twice. Blank switches the marker off (in-doubt updates are then written again).
    /// </summary>
    public string VersionField { get; set; } = "SyncBridge_Version__c";
}
