namespace SyncBridge.Core.Identity;

/// <summary>
/// Records of one person held different non-blank values of a property. <see cref="Candidates"/> holds every record's
/// non-blank value (at least two distinct), <see cref="ChosenValue"/> what the merge kept (may be blank under
/// SourceOfTruth) and <see cref="Rule"/> why: a <see cref="MergeRule"/> in its configuration form, or the fixed rule
/// (<c>FurthestStage</c>, <c>TrueWins</c>, <c>StrictestConsent</c>).
/// </summary>
public sealed record MergeConflict(
    string PersonId,
    string Property,
    IReadOnlyList<MergeCandidate> Candidates,
    string ChosenValue,
    string Rule)
{
    /// <summary>When the conflict was recorded; set by the store.</summary>
    public DateTimeOffset? DetectedAt { get; init; }
}
