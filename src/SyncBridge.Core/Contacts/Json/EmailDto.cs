namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of an <see cref="EmailAddress"/>: original and normalized forms as they were.</summary>
internal sealed class EmailDto
{
    public string? Original { get; set; }
    public string? Normalized { get; set; }
    public bool IsValid { get; set; }
    public string? MatchKey { get; set; }
}
