namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of a <see cref="Contacts.Consent"/>.</summary>
internal sealed class ConsentDto
{
    public bool? UnsubscribedFromAll { get; set; }
    public bool? HardBounced { get; set; }
    public string? BounceReason { get; set; }
    public ConsentState State { get; set; }
    public string? LawfulBasis { get; set; }
}
