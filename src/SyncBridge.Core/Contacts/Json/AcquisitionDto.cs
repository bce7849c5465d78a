namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of an <see cref="Contacts.Acquisition"/>.</summary>
internal sealed class AcquisitionDto
{
    public AcquisitionChannel Channel { get; set; }
    public AcquisitionDirection Direction { get; set; }
    public string? SearchKeyword { get; set; }
    public string? ProductOfInterest { get; set; }
    public DateTimeOffset? FirstTouchAt { get; set; }
}
