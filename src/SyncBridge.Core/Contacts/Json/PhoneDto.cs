namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of a <see cref="PhoneNumber"/>: original and normalized forms as they were.</summary>
internal sealed class PhoneDto
{
    public string? Original { get; set; }
    public string? E164 { get; set; }
    public string? Extension { get; set; }
    public bool IsValid { get; set; }
}
