using System.Globalization;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// The (lastmodifieddate, hs_object_id) position of an incremental read, with the ids delivered inside the
/// overlap window. A record at or before the position that was already delivered at the same lastmodifieddate is
/// a re-read and is skipped; one that was not (search lag) is delivered.
/// </summary>
internal sealed class HubSpotSyncProgress
{
    private readonly Dictionary<long, long> _seen;
    private readonly TimeSpan _overlap;
    private readonly int _capacity;
    private readonly HubSpotCursorState _state;

    public HubSpotSyncProgress(SourceCursor cursor, HubSpotCursorState state, TimeSpan overlap, int capacity)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(state);
        Timestamp = cursor.Timestamp;
        Id = long.TryParse(cursor.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        _state = state;
        _overlap = overlap;
        _capacity = capacity;
        _seen = new Dictionary<long, long>(state.Seen.Count);
        foreach (var entry in state.Seen)
        {
            if (entry is [var seenId, var seenMs])
            {
                _seen[seenId] = seenMs;
            }
        }

        ArchivedSince = state.ArchivedSince;
    }

    public DateTimeOffset Timestamp { get; private set; }

    public long Id { get; private set; }

    public DateTimeOffset? ArchivedSince { get; set; }

    public bool IsAfterCursor(HubSpotContactRecord record)
    {
        var byTime = record.LastModified.CompareTo(Timestamp);
        return byTime > 0 || (byTime == 0 && record.NumericId > Id);
    }

    public bool AlreadyDelivered(HubSpotContactRecord record) =>
        !IsAfterCursor(record)
        && _seen.TryGetValue(record.NumericId, out var ms)
        && ms == record.LastModified.ToUnixTimeMilliseconds();

    public void Delivered(HubSpotContactRecord record)
    {
        if (IsAfterCursor(record))
        {
            Timestamp = record.LastModified;
            Id = record.NumericId;
        }

        _seen[record.NumericId] = record.LastModified.ToUnixTimeMilliseconds();
    }

    public SourceCursor ToCursor()
    {
        var lowest = (Timestamp - _overlap).ToUnixTimeMilliseconds();
        var kept = _seen.Where(pair => pair.Value >= lowest)
            .OrderByDescending(pair => pair.Value)
            .ThenByDescending(pair => pair.Key)
            .Take(_capacity)
            .ToList();
        _seen.Clear();
        foreach (var pair in kept)
        {
            _seen[pair.Key] = pair.Value;
        }

        var state = _state with
        {
            Backfilling = false,
            BackfillAfter = null,
            ArchivedSince = ArchivedSince,
            Seen = kept.Select(pair => new[] { pair.Key, pair.Value }).ToList(),
        };
        var id = Id == 0 ? string.Empty : Id.ToString(CultureInfo.InvariantCulture);
        return new SourceCursor(Timestamp, id, state.Serialize());
    }
}
