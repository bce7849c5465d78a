using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync;

/// <summary>A source record's canonical contact and the person it was resolved to.</summary>
public sealed record PersonContact(string PersonId, CanonicalContact Contact);
