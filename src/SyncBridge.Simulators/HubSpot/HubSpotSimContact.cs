namespace SyncBridge.Simulators.HubSpot;

/// <summary>A stored contact. Mutated only under the store's lock.</summary>
internal sealed class HubSpotSimContact(long id, long createdMs)
{
    public long Id { get; } = id;

    public long CreatedMs { get; } = createdMs;

    public long ModifiedMs { get; set; } = createdMs;

    public bool Archived { get; set; }

    public long? ArchivedMs { get; set; }

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);
}
