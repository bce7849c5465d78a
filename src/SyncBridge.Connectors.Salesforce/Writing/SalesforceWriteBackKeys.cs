using SyncBridge.Core.Contacts;

namespace SyncBridge.Connectors.Salesforce.Writing;

/// <summary>
/// Update property names the sink translates to the configured write-back fields. Any other property name is
/// taken as a Salesforce field name as it is.
/// </summary>
public static class SalesforceWriteBackKeys
{
    public const string LifecycleStage = ContactProperties.LifecycleStage;
    public const string Score = "score";
    public const string HotLead = "hot_lead";
    public const string MarketingDecision = "marketing_decision";
}
