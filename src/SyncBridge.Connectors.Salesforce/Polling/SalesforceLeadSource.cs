using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Polling;

/// <summary>
/// Salesforce Leads by SystemModstamp. A converted Lead is delivered with its converted Contact among its
/// identities, so the Lead and the Contact resolve to one person.
/// </summary>
internal sealed class SalesforceLeadSource(SalesforceQueryReader reader) : IContactSource
{
    public const string SourceName = "salesforce:leads";

    public string Name => SourceName;

    public IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, CancellationToken cancellationToken) =>
        reader.ReadAsync(SalesforceObjectTypes.Lead, SourceName, since, cancellationToken);
}
