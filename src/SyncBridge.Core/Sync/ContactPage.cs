using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync;

/// <summary>
/// One page read from a source: the contacts mapped to the canonical shape, the records the source reports
/// deleted or merged away, the records that could not be mapped, and the cursor to persist once the page is
/// processed.
/// </summary>
public sealed record ContactPage(
    IReadOnlyList<CanonicalContact> Contacts,
    IReadOnlyList<SourceRef> Deleted,
    IReadOnlyList<RecordError> Errors,
    SourceCursor Cursor)
{
    /// <summary>Records of <see cref="Deleted"/> that were merged into another record: loser → survivor.</summary>
    public IReadOnlyDictionary<SourceRef, SourceRef> MergedInto { get; init; } = EmptyMerges;

    private static readonly IReadOnlyDictionary<SourceRef, SourceRef> EmptyMerges = new Dictionary<SourceRef, SourceRef>();
}
