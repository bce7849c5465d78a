namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>The sObject names SyncBridge reads and writes.</summary>
internal static class SalesforceObjectTypes
{
    public const string Lead = "Lead";
    public const string Contact = "Contact";

    public static bool IsSupported(string? type) => type is Lead or Contact;
}
