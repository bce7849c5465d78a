namespace SyncBridge.Core.Contacts.Json;

/// <summary>The stored shape of a <see cref="Deal"/>.</summary>
internal sealed class DealDto
{
    public string? Id { get; set; }
    public string? Stage { get; set; }
    public DealOutcome Outcome { get; set; }
    public string? Name { get; set; }
    public decimal? Amount { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
