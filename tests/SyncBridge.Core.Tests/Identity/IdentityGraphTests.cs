using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using static SyncBridge.Core.Tests.Identity.ContactBuilder;

namespace SyncBridge.Core.Tests.Identity;

public sealed class IdentityGraphTests
{
    private static IdentityGraph Build(params CanonicalContact[] contacts)
    {
        var graph = new IdentityGraph();
        foreach (var contact in contacts)
        {
            graph.Add(contact);
        }

        return graph;
    }

    private static bool Same(IdentityGraph graph, int a, int b) => graph.PersonIdOf(a) == graph.PersonIdOf(b);

    [Fact]
    public void Add_ReturnsHandlesInOrder()
    {
        var graph = new IdentityGraph();
        Assert.Equal(0, graph.Add(Contact(email: "a@example.com")));
        Assert.Equal(1, graph.Add(Contact(email: "b@example.com")));
        Assert.Equal(2, graph.Add(Contact()));
        Assert.Equal(3, graph.Count);
    }

    [Fact]
    public void PersonIdOf_HasPrefixAndSixteenLowerHexDigits()
    {
        var graph = Build(Contact(email: "a@example.com"), Contact());
        Assert.Matches("^p_[0-9a-f]{16}$", graph.PersonIdOf(0));
        Assert.Matches("^p_[0-9a-f]{16}$", graph.PersonIdOf(1));
    }

    [Fact]
    public void PersonIdOf_UnknownHandle_Throws()
    {
        var graph = Build(Contact(email: "a@example.com"));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.PersonIdOf(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.PersonIdOf(-1));
    }

    [Fact]
    public void Add_SameEmailMatchKey_SamePerson()
    {
        var graph = Build(
            Contact(email: "taro@example.jp"),
            Contact(email: "taro@example.jp"),
            Contact(email: "hanako@example.jp"));

        Assert.True(Same(graph, 0, 1));
        Assert.False(Same(graph, 0, 2));
    }

    [Fact]
    public void Add_GmailDotsAndPlusTags_JoinThroughTheMatchKey()
    {
        // The normalizer gives both addresses the match key taroyamada@gmail.com; the stored addresses differ.
        var graph = Build(
            Contact(email: "taro.yamada+news@gmail.com", matchKey: "taroyamada@gmail.com"),
            Contact(email: "taroyamada@googlemail.com", matchKey: "taroyamada@gmail.com"),
            Contact(email: "taro+crm@example.jp", matchKey: "taro@example.jp"),
            Contact(email: "taro@example.jp", matchKey: "taro@example.jp"));

        Assert.True(Same(graph, 0, 1));
        Assert.True(Same(graph, 2, 3));
        Assert.False(Same(graph, 0, 2));
    }

    [Fact]
    public void Add_InvalidEmail_IsNotAKey()
    {
        var graph = Build(
            Contact(email: "not-an-email", emailValid: false),
            Contact(email: "not-an-email", emailValid: false));

        Assert.False(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_SameSourceRef_SamePersonEvenWhenTheEmailChanged()
    {
        var graph = Build(
            Contact(email: "old@example.com", source: Hs("101")),
            Contact(email: "new@example.com", source: Hs("101")),
            Contact(email: "other@example.com", source: Sf("101")));

        Assert.True(Same(graph, 0, 1));
        Assert.False(Same(graph, 0, 2));
    }

    [Fact]
    public void Add_IdentitiesLinkRecordsSeenBefore()
    {
        var hubspot = Contact(email: "a@example.com", source: Hs("1")) with { Identities = [Hs("1"), Sf("00Q1")] };
        var graph = Build(Contact(email: "b@example.com", source: Sf("00Q1")), hubspot);

        Assert.True(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_ExplicitCsvSourceKey_JoinsRowsOfTheSameSourceAndIdOnly()
    {
        var graph = new IdentityGraph();
        var row = Contact(family: "Yamada");
        graph.Add(row, IdentityKey.SourceKeyOf("Expo-2026.csv", "42"));
        graph.Add(row, IdentityKey.SourceKeyOf("expo-2026.csv ", " 42"));
        graph.Add(row, IdentityKey.SourceKeyOf("expo-2027.csv", "42"));
        graph.Add(row, IdentityKey.SourceKeyOf("expo-2026.csv", " "));

        Assert.True(Same(graph, 0, 1));
        Assert.False(Same(graph, 0, 2));
        Assert.False(Same(graph, 0, 3));
    }

    [Fact]
    public void SourceKeyOf_LowerCasesTheSourceAndKeepsTheIdAsWritten()
    {
        Assert.Equal("hubspot:AbC1", IdentityKey.SourceKeyOf("HubSpot", "AbC1"));
        Assert.Equal(string.Empty, IdentityKey.SourceKeyOf("HubSpot", "  "));
    }

    [Fact]
    public void Add_ExplicitSourceKey_ReplacesTheContactsSourceRef()
    {
        // Two CSV files whose names both parse to an unknown system must not join through "unknown::42".
        var graph = new IdentityGraph();
        var row = Contact(source: new SourceRef(SourceSystem.Unknown, string.Empty, "42"));
        graph.Add(row, "a.csv:42");
        graph.Add(row, "b.csv:42");

        Assert.False(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_PhoneAndNameWithoutEmail_JoinsThePersonWithThatEmail()
    {
        var graph = Build(
            Contact(email: "taro@example.jp", phone: "+81312345678", family: "山田", given: "太郎"),
            Contact(phone: "+81312345678", family: "山田", given: "太郎"));

        Assert.True(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_MobileAndName_JoinLikeAPhone()
    {
        var graph = Build(
            Contact(email: "taro@example.jp", mobile: "+819012345678", family: "Yamada", given: "Taro"),
            Contact(phone: "+819012345678", family: "YAMADA", given: "taro"));

        Assert.True(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_PhoneAndNameBothWithoutEmail_SamePerson()
    {
        var graph = Build(
            Contact(phone: "+81312345678", family: "Yamada", given: "Taro"),
            Contact(phone: "+81312345678", family: "Yamada", given: "Taro"));

        Assert.True(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_SamePhoneDifferentName_NotJoined()
    {
        var graph = Build(
            Contact(email: "taro@example.jp", phone: "+81312345678", family: "Yamada", given: "Taro"),
            Contact(phone: "+81312345678", family: "Yamada", given: "Hanako"));

        Assert.False(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_PhoneWithoutAnyName_IsNotAKey()
    {
        var graph = Build(Contact(phone: "+81312345678"), Contact(phone: "+81312345678"));

        Assert.False(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_InvalidPhone_IsNotAKey()
    {
        var invalid = new PhoneNumber("03-1234", string.Empty, string.Empty, false);
        var graph = Build(
            Contact(family: "Yamada", given: "Taro") with { Phone = invalid },
            Contact(family: "Yamada", given: "Taro") with { Phone = invalid });

        Assert.False(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_TwoDifferentEmailsWithSamePhoneAndName_DoNotMerge()
    {
        var graph = Build(
            Contact(email: "taro@work.example", phone: "+81312345678", family: "Yamada", given: "Taro"),
            Contact(email: "taro@home.example", phone: "+81312345678", family: "Yamada", given: "Taro"));

        Assert.False(Same(graph, 0, 1));
    }

    [Fact]
    public void Add_EmailLessRowBetweenTwoEmails_StaysApartInAnyOrder()
    {
        // Joining the email-less row to either would be a guess; through it the two emails would merge.
        var rows = new[]
        {
            Contact(email: "taro@work.example", phone: "+81312345678", family: "Yamada", given: "Taro"),
            Contact(phone: "+81312345678", family: "Yamada", given: "Taro"),
            Contact(email: "taro@home.example", phone: "+81312345678", family: "Yamada", given: "Taro"),
        };

        foreach (var order in new[] { new[] { 0, 1, 2 }, [1, 0, 2], [2, 1, 0], [1, 2, 0] })
        {
            var graph = Build([.. order.Select(i => rows[i])]);
            var ids = order.Select((row, handle) => (row, id: graph.PersonIdOf(handle))).OrderBy(x => x.row).Select(x => x.id).ToArray();
            Assert.Equal(3, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Add_EmailLessChainTouchingTwoEmails_NeverMergesTheEmails()
    {
        // Email-less rows joined with each other through two phones, one phone shared with each email.
        var graph = Build(
            Contact(email: "a@example.com", phone: "+81311111111", family: "Sato", given: "Ken"),
            Contact(phone: "+81311111111", mobile: "+819022222222", family: "Sato", given: "Ken"),
            Contact(mobile: "+819022222222", phone: "+81333333333", family: "Sato", given: "Ken"),
            Contact(email: "b@example.com", phone: "+81333333333", family: "Sato", given: "Ken"));

        Assert.False(Same(graph, 0, 3));
        Assert.True(Same(graph, 1, 2));
        Assert.False(Same(graph, 0, 1));
        Assert.False(Same(graph, 3, 1));
    }

    [Fact]
    public void Add_EmailAndSourceChains_AreTransitive()
    {
        var graph = Build(
            Contact(email: "a@example.com", source: Hs("1")),
            Contact(email: "b@example.com", source: Hs("1")),
            Contact(email: "b@example.com", source: Sf("00Q9")),
            Contact(phone: "+81312345678", family: "Ito", given: "Jun", source: Sf("00Q9")),
            Contact(phone: "+81312345678", family: "Ito", given: "Jun"),
            Contact(email: "z@example.com"));

        for (var i = 1; i <= 4; i++)
        {
            Assert.True(Same(graph, 0, i));
        }

        Assert.False(Same(graph, 0, 5));
    }

    [Fact]
    public void Add_SourceKeyJoinsTwoEmails_ThenPhoneNameJoinsTheEmailLessRow()
    {
        // Two emails already one person through a source id: one email-bearing cluster, so the phone-name row joins it.
        var graph = Build(
            Contact(email: "a@example.com", phone: "+81312345678", family: "Ito", given: "Jun", source: Hs("7")),
            Contact(email: "b@example.com", source: Hs("7")),
            Contact(phone: "+81312345678", family: "Ito", given: "Jun"));

        Assert.True(Same(graph, 0, 1));
        Assert.True(Same(graph, 0, 2));
    }

    [Fact]
    public void Add_RowWithoutKeys_IsAPersonOfItsOwn()
    {
        var graph = Build(
            Contact(family: "Yamada", given: "Taro"),
            Contact(family: "Yamada", given: "Taro"),
            Contact(email: "bad", emailValid: false, family: "Yamada"));

        Assert.False(Same(graph, 0, 1));
        Assert.False(Same(graph, 0, 2));
        Assert.False(Same(graph, 1, 2));
    }

    [Fact]
    public void PersonIdOf_DoesNotDependOnTheOrderOfRows()
    {
        var rows = SampleRows();
        var reference = Resolve(rows, Enumerable.Range(0, rows.Count).ToArray());

        var random = new Random(20261122);
        for (var round = 0; round < 20; round++)
        {
            var order = Enumerable.Range(0, rows.Count).ToArray();
            random.Shuffle(order);
            Assert.Equal(reference, Resolve(rows, order));
        }
    }

    [Fact]
    public void PersonIdOf_IdenticalRowsWithoutKeys_DistinctIdsAndTheSameSetInAnyOrder()
    {
        var row = Contact(family: "Yamada", given: "Taro");
        var other = Contact(family: "Sato");
        var first = Build(row, row, other);
        var second = Build(other, row, row);

        Assert.NotEqual(first.PersonIdOf(0), first.PersonIdOf(1));
        Assert.Equal(
            new[] { first.PersonIdOf(0), first.PersonIdOf(1) }.Order(),
            new[] { second.PersonIdOf(1), second.PersonIdOf(2) }.Order());
        Assert.Equal(first.PersonIdOf(2), second.PersonIdOf(0));
    }

    [Fact]
    public void PersonIdOf_SamePersonId_ForTheSameClusterInDifferentGraphs()
    {
        var first = Build(Contact(email: "a@example.com"), Contact(email: "a@example.com", source: Hs("5")));
        var second = Build(Contact(email: "a@example.com", source: Hs("5")), Contact(email: "z@example.com"), Contact(email: "a@example.com"));

        Assert.Equal(first.PersonIdOf(0), second.PersonIdOf(0));
        Assert.Equal(first.PersonIdOf(0), second.PersonIdOf(2));
    }

    [Fact]
    public void PersonIdOf_AfterMoreRowsAreAdded_ReflectsTheNewMerges()
    {
        var graph = Build(Contact(email: "a@example.com", source: Hs("1")), Contact(email: "b@example.com"));
        Assert.False(Same(graph, 0, 1));

        graph.Add(Contact(email: "b@example.com", source: Hs("1")));

        Assert.True(Same(graph, 0, 1));
        Assert.True(Same(graph, 0, 2));
    }

    [Fact]
    public void Clusters_ListEveryPersonWithItsHandles()
    {
        var graph = Build(
            Contact(email: "a@example.com"),
            Contact(email: "b@example.com"),
            Contact(email: "a@example.com"),
            Contact());

        var clusters = graph.Clusters();

        Assert.Equal(3, clusters.Count);
        Assert.Equal([0, 2], clusters[0].Handles);
        Assert.Equal([1], clusters[1].Handles);
        Assert.Equal([3], clusters[2].Handles);
        Assert.All(clusters, c => Assert.All(c.Handles, h => Assert.Equal(c.PersonId, graph.PersonIdOf(h))));
    }

    [Fact]
    public void Clusters_InterleavedRows_EachClusterAscendingAndComplete()
    {
        var graph = Build(
            Contact(email: "a@example.com"),
            Contact(email: "b@example.com"),
            Contact(email: "a@example.com"),
            Contact(email: "c@example.com"),
            Contact(email: "b@example.com"),
            Contact(email: "a@example.com", source: Hs("1")));

        var clusters = graph.Clusters();

        Assert.Equal([[0, 2, 5], [1, 4], [3]], clusters.Select(c => c.Handles.ToArray()));
        Assert.Equal(3, clusters.Select(c => c.PersonId).Distinct().Count());
    }

    [Fact]
    public void KeysOf_ListsEmailSourceAndPhoneNameKeys()
    {
        var contact = Contact(
            email: "taro+x@example.jp",
            matchKey: "taro@example.jp",
            phone: "+81312345678",
            mobile: "+819012345678",
            family: "Yamada",
            given: "Taro",
            source: Hs("9"));

        var keys = IdentityKey.KeysOf(contact);

        Assert.Equal(
            [
                new IdentityKey(IdentityKeyKind.Email, "taro@example.jp"),
                new IdentityKey(IdentityKeyKind.Source, "hubspot:contact:9"),
                new IdentityKey(IdentityKeyKind.PhoneName, "+81312345678|yamada|taro"),
                new IdentityKey(IdentityKeyKind.PhoneName, "+819012345678|yamada|taro"),
            ],
            keys);
    }

    [Fact]
    public void Hash_IsFnv1a64OfKindSeparatorAndUtf8()
    {
        // FNV-1a 64 of the bytes "1", 0x1F, "a@b.co", computed independently here.
        ulong expected = 14695981039346656037UL;
        foreach (var b in new byte[] { (byte)'1', 0x1F }.Concat(System.Text.Encoding.UTF8.GetBytes("a@b.co")))
        {
            expected = (expected ^ b) * 1099511628211UL;
        }

        Assert.Equal(expected, new IdentityKey(IdentityKeyKind.Email, "a@b.co").Hash);
        var graph = Build(Contact(email: "a@b.co"));
        Assert.Equal($"p_{expected:x16}", graph.PersonIdOf(0));
    }

    private static List<CanonicalContact> SampleRows() =>
    [
        Contact(email: "a@example.com", source: Hs("1")),
        Contact(email: "b@example.com", source: Hs("1")),
        Contact(email: "b@example.com"),
        Contact(phone: "+81312345678", family: "Ito", given: "Jun"),
        Contact(email: "c@example.com", phone: "+81312345678", family: "Ito", given: "Jun"),
        Contact(email: "d@example.com", phone: "+81399999999", family: "Ono", given: "Aki"),
        Contact(email: "e@example.com", phone: "+81399999999", family: "Ono", given: "Aki"),
        Contact(phone: "+81399999999", family: "Ono", given: "Aki"),
        Contact(mobile: "+819011112222", family: "Mori", given: string.Empty),
        Contact(mobile: "+819011112222", family: "Mori", given: string.Empty, source: Sf("00Q1")),
        Contact(source: Sf("00Q1")),
        Contact(family: "Nobody"),
        Contact(family: "Nobody") with { Title = "Engineer" },
        Contact(),
        Contact(email: "x.y+z@gmail.com", matchKey: "xy@gmail.com"),
        Contact(email: "xy@gmail.com", matchKey: "xy@gmail.com", source: Hs("2")),
    ];

    /// <summary>Per original row index: its person id, and the set of rows it is grouped with.</summary>
    private static List<string> Resolve(List<CanonicalContact> rows, int[] order)
    {
        var graph = new IdentityGraph();
        var handleOfRow = new int[rows.Count];
        foreach (var row in order)
        {
            handleOfRow[row] = graph.Add(rows[row]);
        }

        var idOfRow = Enumerable.Range(0, rows.Count).Select(row => graph.PersonIdOf(handleOfRow[row])).ToArray();
        return [.. Enumerable.Range(0, rows.Count).Select(row =>
            idOfRow[row] + " " + string.Join(",", Enumerable.Range(0, rows.Count).Where(other => idOfRow[other] == idOfRow[row])))];
    }
}
