using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// What the HubSpot source keeps in <see cref="Core.Sync.SourceCursor.State"/>: where a backfill stands, the
/// lower bound the first search may not cross (the backfill's start: the list endpoint has no lag), the ids
/// delivered inside the overlap window (so a re-read does not deliver them twice), and the archivedAt up to
/// which deletions were reported.
/// </summary>
internal sealed record HubSpotCursorState
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True while the first full read through the list endpoint is under way.</summary>
    public bool Backfilling { get; init; }

    /// <summary>The list endpoint's paging token of the next backfill page.</summary>
    public string? BackfillAfter { get; init; }

    /// <summary>When the backfill started: the first search starts here.</summary>
    public DateTimeOffset? Floor { get; init; }

    /// <summary>Archived contacts with archivedAt after this were not yet reported.</summary>
    public DateTimeOffset? ArchivedSince { get; init; }

    /// <summary>(id, lastmodifieddate in epoch ms) of contacts delivered inside the overlap window.</summary>
    public IReadOnlyList<long[]> Seen { get; init; } = [];

    public static HubSpotCursorState Parse(string? state)
    {
        if (string.IsNullOrWhiteSpace(state))
        {
            return new HubSpotCursorState();
        }

        try
        {
            return JsonSerializer.Deserialize<HubSpotCursorState>(state, JsonOptions) ?? new HubSpotCursorState();
        }
        catch (JsonException)
        {
            // An unreadable state only costs re-reading the overlap window.
            return new HubSpotCursorState();
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, JsonOptions);
}
