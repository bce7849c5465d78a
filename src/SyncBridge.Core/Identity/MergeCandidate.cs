using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>One record's value of a property, with where it came from and when it last changed there.</summary>
public sealed record MergeCandidate(string Value, SourceRef Source, DateTimeOffset? ChangedAt);
