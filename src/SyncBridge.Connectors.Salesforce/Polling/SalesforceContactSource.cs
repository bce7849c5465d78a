using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Polling;

/// <summary>Salesforce Contacts (with their Account and opportunities) by SystemModstamp.</summary>
internal sealed class SalesforceContactSource(SalesforceQueryReader reader) : IContactSource
{
    public const string SourceName = "salesforce:contacts";

    public string Name => SourceName;

    public IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, CancellationToken cancellationToken) =>
        reader.ReadAsync(SalesforceObjectTypes.Contact, SourceName, since, cancellationToken);
}
