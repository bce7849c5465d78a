namespace SyncBridge.Core.Contacts;

/// <summary>
/// One record in one system: HubSpot contact 123, Salesforce Lead 00Q…, a CSV row's source id.
/// <paramref name="ObjectType"/> is the system's object name ("contact", "Lead", "Contact"); empty when the system has one kind.
/// </summary>
public readonly record struct SourceRef(SourceSystem System, string ObjectType, string Id)
{
    /// <summary>A stable text form, <c>system:objectType:id</c>, used as a key in the state store.</summary>
    public override string ToString() => $"{System.ToName()}:{ObjectType}:{Id}";
}
