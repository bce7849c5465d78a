namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of an <see cref="Activity"/>.</summary>
internal sealed class ActivityDto
{
    public ActivityType Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? Detail { get; set; }
    public string? Notes { get; set; }
    public IReadOnlyDictionary<string, string>? Answers { get; set; }
}
