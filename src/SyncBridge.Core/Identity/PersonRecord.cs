using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>A resolved person as the identity store keeps it: its id, the keys that identify it and its source records.</summary>
public sealed record PersonRecord(string PersonId, IReadOnlyList<IdentityKey> Keys, IReadOnlyList<SourceRef> Sources);
