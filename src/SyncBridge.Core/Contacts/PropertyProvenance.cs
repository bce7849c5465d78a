namespace SyncBridge.Core.Contacts;

/// <summary>Where a property's value came from and when it last changed there.</summary>
public readonly record struct PropertyProvenance(SourceSystem Source, DateTimeOffset? ChangedAt);
