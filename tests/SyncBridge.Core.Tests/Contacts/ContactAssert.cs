using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Tests.Contacts;

/// <summary>
/// Field-by-field equality of canonical contacts. Record equality alone is not enough: lists and dictionaries compare
/// by reference, <see cref="DateTimeOffset"/> ignores the offset and <see cref="decimal"/> ignores the scale. Here lists
/// and dictionaries compare entry by entry in order, timestamps by ticks and offset, decimals bit for bit.
/// </summary>
internal static class ContactAssert
{
    private static readonly IReadOnlyList<SourceRef> NoSources = [];
    private static readonly IReadOnlyList<string> NoTexts = [];
    private static readonly IReadOnlyList<Activity> NoActivities = [];
    private static readonly IReadOnlyList<Deal> NoDeals = [];
    private static readonly IReadOnlyDictionary<string, PropertyProvenance> NoProvenance = new Dictionary<string, PropertyProvenance>();
    private static readonly IReadOnlyDictionary<string, string> NoAnswers = new Dictionary<string, string>();

    public static void Same(CanonicalContact expected, CanonicalContact actual)
    {
        Assert.Equal(Scalars(expected), Scalars(actual));
        Assert.Equal(expected.Identities, actual.Identities);
        Assert.Equal(expected.SocialProfiles, actual.SocialProfiles);
        Assert.Equal(expected.Activities.Select(a => a with { Answers = NoAnswers }), actual.Activities.Select(a => a with { Answers = NoAnswers }));
        Assert.Equal(expected.Activities.Count, actual.Activities.Count);
        for (var i = 0; i < expected.Activities.Count; i++)
        {
            Assert.Equal(expected.Activities[i].Answers.ToList(), actual.Activities[i].Answers.ToList());
        }

        Assert.Equal(expected.Deals, actual.Deals);
        Assert.Equal(expected.Provenance.ToList(), actual.Provenance.ToList());
        Assert.Equal(expected.Extra.ToList(), actual.Extra.ToList());
        Assert.Equal(Times(expected), Times(actual));
        Assert.Equal(Amounts(expected), Amounts(actual));
    }

    private static CanonicalContact Scalars(CanonicalContact contact) => contact with
    {
        Identities = NoSources,
        SocialProfiles = NoTexts,
        Activities = NoActivities,
        Deals = NoDeals,
        Provenance = NoProvenance,
        Extra = NoAnswers,
    };

    private static List<(long Ticks, TimeSpan Offset)?> Times(CanonicalContact c) =>
    [
        .. new[] { c.LastVisitAt, c.SourceModifiedAt, c.Acquisition.FirstTouchAt }
            .Concat(c.Activities.Select(a => (DateTimeOffset?)a.OccurredAt))
            .Concat(c.Deals.Select(d => d.ClosedAt))
            .Concat(c.Provenance.Values.Select(p => p.ChangedAt))
            .Select(t => t is { } at ? (at.Ticks, at.Offset) : ((long, TimeSpan)?)null),
    ];

    private static List<string> Amounts(CanonicalContact c) =>
        [.. c.Deals.Select(d => d.Amount is { } amount ? string.Join(',', decimal.GetBits(amount)) : "null")];
}
