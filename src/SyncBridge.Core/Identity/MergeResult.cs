using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>The merged contact of one person and the conflicts found while merging.</summary>
public sealed record MergeResult(CanonicalContact Contact, IReadOnlyList<MergeConflict> Conflicts);
