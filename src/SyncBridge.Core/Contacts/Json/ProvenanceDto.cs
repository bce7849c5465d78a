namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of a <see cref="PropertyProvenance"/>.</summary>
internal sealed class ProvenanceDto
{
    public SourceSystem Source { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
}
