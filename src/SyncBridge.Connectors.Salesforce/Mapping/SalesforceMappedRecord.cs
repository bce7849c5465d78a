using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>
/// One query record after mapping: a contact, or an error naming the record. <see cref="Id"/> and
/// <see cref="Modstamp"/> are set whenever they could be read, so the cursor can move past a bad record.
/// </summary>
internal readonly record struct SalesforceMappedRecord(string Id, DateTimeOffset? Modstamp, CanonicalContact? Contact, RecordError? Error);
