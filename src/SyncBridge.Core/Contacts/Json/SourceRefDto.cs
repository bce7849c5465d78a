namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of a <see cref="SourceRef"/>: texts kept as they are (null stays null, empty stays empty).</summary>
internal sealed class SourceRefDto
{
    public SourceSystem System { get; set; }
    public string? ObjectType { get; set; }
    public string? Id { get; set; }
}
