using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;

using SyncBridge.Storage.Tests.Sqlite;

namespace SyncBridge.Storage.Tests.Contracts;

/// <summary>The behaviour of <see cref="IContactStore"/> (and of persons' links moving their records) every provider has.</summary>
public abstract class ContactStoreContract(StoreBackend backend) : IAsyncDisposable
{
    private static readonly SourceRef HubSpot1 = new(SourceSystem.HubSpot, "contact", "101");
    private static readonly SourceRef Lead1 = new(SourceSystem.Salesforce, "Lead", "00Q1");
    private static readonly SourceRef Contact1 = new(SourceSystem.Salesforce, "Contact", "0031");

    private readonly FakeTimeProvider _time = new(StoreFactory.Start);

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetContactsOfPersonsAsync_AfterSave_ReturnsEachPersonsContactsAsSaved()
    {
        var (store, contacts) = Open();
        using var _ = store;
        var taro = Rich(HubSpot1, "taro@example.jp");
        var taroLead = Rich(Lead1, "Taro@Example.jp");
        var hanako = Rich(Contact1, "hanako@example.jp");

        await contacts.SaveContactsAsync([new("p1", taroLead), new("p2", hanako), new("p1", taro)], Ct);
        var read = await contacts.GetContactsOfPersonsAsync(["p1", "p2"], Ct);

        Assert.Equal(["p1", "p2"], read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Json(taro), Json(taroLead)], read["p1"].Select(Json));
        Assert.Equal([Json(hanako)], read["p2"].Select(Json));
    }

    [Fact]
    public async Task GetContactsOfPersonsAsync_UnknownPersonsAndNone_AreLeftOut()
    {
        var (store, contacts) = Open();
        using var _ = store;
        await contacts.SaveContactsAsync([new("p1", Rich(HubSpot1, "a@example.jp"))], Ct);

        Assert.Equal(["p1"], (await contacts.GetContactsOfPersonsAsync(["nobody", "p1", "p1"], Ct)).Keys);
        Assert.Empty(await contacts.GetContactsOfPersonsAsync([], Ct));
    }

    [Fact]
    public async Task GetContactsOfPersonsAsync_MorePersonsThanOneQueryTakes_ReturnsThemAll()
    {
        var (store, contacts) = Open();
        using var _ = store;
        var items = Enumerable.Range(0, 1_201)
            .Select(i => new PersonContact($"p{i:D5}", Rich(new SourceRef(SourceSystem.HubSpot, "contact", i.ToString(CultureInfo.InvariantCulture)), $"u{i}@example.jp")))
            .ToList();
        await contacts.SaveContactsAsync(items, Ct);

        var read = await contacts.GetContactsOfPersonsAsync([.. items.Select(i => i.PersonId)], Ct);

        Assert.Equal(1_201, read.Count);
        Assert.All(items, i => Assert.Equal(Json(i.Contact), Json(Assert.Single(read[i.PersonId]))));
    }

    [Fact]
    public async Task SaveContactsAsync_SameRecordAgain_KeepsOnlyTheLatestContact()
    {
        var (store, contacts) = Open();
        using var _ = store;
        await contacts.SaveContactsAsync([new("p1", Rich(HubSpot1, "old@example.jp"))], Ct);
        var latest = Rich(HubSpot1, "new@example.jp") with { Title = "CTO" };

        await contacts.SaveContactsAsync([new("p1", latest)], Ct);

        Assert.Equal(Json(latest), Json(Assert.Single((await contacts.GetContactsOfPersonsAsync(["p1"], Ct))["p1"])));
    }

    [Fact]
    public async Task SaveContactsAsync_UnchangedContact_KeepsItsSequenceAndAChangedOneTakesAHigherOne()
    {
        var (store, contacts) = Open();
        using var _ = store;
        await contacts.SaveContactsAsync([new("p1", Rich(HubSpot1, "a@example.jp")), new("p2", Rich(Lead1, "b@example.jp"))], Ct);
        var before = await contacts.ListChangedPersonsAsync(0, 10, Ct);

        await contacts.SaveContactsAsync([new("p1", Rich(HubSpot1, "a@example.jp")), new("p2", Rich(Lead1, "b@example.jp"))], Ct);
        var unchanged = await contacts.ListChangedPersonsAsync(before.LastSequence, 10, Ct);
        await contacts.SaveContactsAsync([new("p1", Rich(HubSpot1, "a@example.jp")), new("p2", Rich(Lead1, "b2@example.jp"))], Ct);
        var changed = await contacts.ListChangedPersonsAsync(before.LastSequence, 10, Ct);

        Assert.Equal(["p1", "p2"], before.PersonIds);
        Assert.Empty(unchanged.PersonIds);
        Assert.Equal(before.LastSequence, unchanged.LastSequence);
        Assert.Equal(["p2"], changed.PersonIds);
        Assert.True(changed.LastSequence > before.LastSequence);
        Assert.Equal(1L, backend.Scalar("SELECT change_seq FROM source_records WHERE source_id = '101';"));
    }

    [Fact]
    public async Task SaveContactsAsync_TwoStoreInstancesConcurrently_GiveEveryChangeItsOwnSequenceAndLoseNone()
    {
        using var first = backend.Open(_time);
        using var second = backend.Open(_time);
        await first.InitializeAsync(Ct);
        await second.InitializeAsync(Ct);
        const int Batches = 15;

        await Task.WhenAll(new[] { (first, "a"), (second, "b") }.Select(pair => Task.Run(
            async () =>
            {
                for (var i = 0; i < Batches; i++)
                {
                    var id = pair.Item2 + i.ToString(CultureInfo.InvariantCulture);
                    await pair.Item1.Contacts.SaveContactsAsync([new("p" + id, Rich(Src(id + "-1"), id + "@x.jp")), new("p" + id, Rich(Src(id + "-2"), id + "@y.jp"))], Ct);
                }
            },
            Ct)));

        var changed = await first.Contacts.ListChangedPersonsAsync(0, 1_000, Ct);
        Assert.Equal(2 * Batches, changed.PersonIds.Count);
        Assert.Equal(4L * Batches, changed.LastSequence);
        Assert.Equal(4L * Batches, backend.Count("SELECT COUNT(DISTINCT change_seq) FROM source_records;"));
    }

    [Fact]
    public async Task ListChangedPersonsAsync_OnePersonWithMoreChangesThanAPage_ListsThePersonsAfterIt()
    {
        var (store, contacts) = Open();
        using var _ = store;
        var many = Enumerable.Range(0, 1_100)
            .Select(i => new PersonContact("p1", Rich(Src("m" + i.ToString(CultureInfo.InvariantCulture)), "m@x.jp")))
            .Append(new PersonContact("p2", Rich(Src("other"), "o@x.jp")))
            .Append(new PersonContact("p3", Rich(Src("third"), "t@x.jp")))
            .ToList();
        await contacts.SaveContactsAsync(many, Ct);

        var first = await contacts.ListChangedPersonsAsync(0, 2, Ct);
        var rest = await contacts.ListChangedPersonsAsync(first.LastSequence, 2, Ct);

        Assert.Equal(["p1", "p2"], first.PersonIds);
        Assert.Equal(1_101, first.LastSequence);
        Assert.Equal(["p3"], rest.PersonIds);
        Assert.Equal(1_102, rest.LastSequence);
    }

    [Fact]
    public async Task ListChangedPersonsAsync_PagedByMax_ListsEveryPersonInChangeOrderOnce()
    {
        var (store, contacts) = Open();
        using var _ = store;
        // p3 changes twice (two records), p1 once, p2 once, p4 once: change order p3, p1, p3, p2, p4.
        await contacts.SaveContactsAsync([new("p3", Rich(Src("a"), "a@x.jp")), new("p1", Rich(Src("b"), "b@x.jp"))], Ct);
        await contacts.SaveContactsAsync([new("p3", Rich(Src("c"), "c@x.jp")), new("p2", Rich(Src("d"), "d@x.jp")), new("p4", Rich(Src("e"), "e@x.jp"))], Ct);

        var pages = new List<ChangedPersons>();
        var after = 0L;
        for (var i = 0; i < 5; i++)
        {
            var page = await contacts.ListChangedPersonsAsync(after, 2, Ct);
            pages.Add(page);
            if (page.PersonIds.Count == 0)
            {
                break;
            }

            after = page.LastSequence;
        }

        Assert.Equal(["p3", "p1"], pages[0].PersonIds);
        Assert.Equal(3, pages[0].LastSequence);
        Assert.Equal(["p2", "p4"], pages[1].PersonIds);
        Assert.Equal(5, pages[1].LastSequence);
        Assert.Empty(pages[2].PersonIds);
        Assert.Equal(5, pages[2].LastSequence);
    }

    [Fact]
    public async Task SavePersonsAsync_PersonsMerge_ContactsFollowTheirLinksAsAChange()
    {
        var (store, contacts) = Open();
        using var _ = store;
        await store.SavePersonsAsync([new PersonRecord("p1", [], [HubSpot1]), new PersonRecord("p2", [], [Lead1])], Ct);
        await contacts.SaveContactsAsync([new("p1", Rich(HubSpot1, "t@x.jp")), new("p2", Rich(Lead1, "t@x.jp"))], Ct);
        var before = await contacts.ListChangedPersonsAsync(0, 10, Ct);

        // p1 takes p2's link: the persons merged, p2 is removed.
        await store.SavePersonsAsync([new PersonRecord("p1", [], [HubSpot1, Lead1])], Ct);

        var read = await contacts.GetContactsOfPersonsAsync(["p1", "p2"], Ct);
        Assert.Equal(["p1"], read.Keys);
        Assert.Equal([HubSpot1, Lead1], read["p1"].Select(c => c.Source));
        var after = await contacts.ListChangedPersonsAsync(before.LastSequence, 10, Ct);
        Assert.Equal(["p1"], after.PersonIds);
        Assert.Equal(0L, Mismatches());
    }

    [Fact]
    public async Task SaveContactsAsync_RecordLinkedToAnotherPerson_IsFiledUnderTheLinkedPerson()
    {
        var (store, contacts) = Open();
        using var _ = store;
        await store.SavePersonsAsync([new PersonRecord("p1", [], [HubSpot1])], Ct);

        await contacts.SaveContactsAsync([new("stale", Rich(HubSpot1, "a@x.jp")), new("p9", Rich(Lead1, "b@x.jp"))], Ct);

        var read = await contacts.GetContactsOfPersonsAsync(["p1", "stale", "p9"], Ct);
        Assert.Equal(["p1", "p9"], read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0L, Mismatches());
    }

    [Fact]
    public async Task SaveContactsAsync_ContactWithoutSourceId_Throws()
    {
        var (store, contacts) = Open();
        using var _ = store;

        await Assert.ThrowsAsync<ArgumentException>(() => contacts.SaveContactsAsync([new("p1", new CanonicalContact())], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => contacts.SaveContactsAsync([new(" ", Rich(HubSpot1, "a@x.jp"))], Ct));
    }

    [Fact]
    public async Task GetContactsOfPersonsAsync_Reopened_ReadsWhatWasSaved()
    {
        var contact = Rich(HubSpot1, "a@example.jp");
        var (first, contacts) = Open();
        using (first)
        {
            await contacts.SaveContactsAsync([new("p1", contact)], Ct);
        }

        var (second, reopened) = Open();
        using var _ = second;

        Assert.Equal(Json(contact), Json(Assert.Single((await reopened.GetContactsOfPersonsAsync(["p1"], Ct))["p1"])));
        Assert.Equal(["p1"], (await reopened.ListChangedPersonsAsync(0, 10, Ct)).PersonIds);
    }

    private (StoreSet Store, IContactStore Contacts) Open()
    {
        var store = backend.Open(_time);
        return (store, store.Contacts);
    }

    /// <summary>Source records whose person differs from their identity link's person.</summary>
    private object? Mismatches() => backend.Scalar("""
        SELECT COUNT(*) FROM source_records r JOIN source_links l
            ON l.system = r.system AND l.object_type = r.object_type AND l.source_id = r.source_id
        WHERE l.person_id <> r.person_id;
        """);

    private static SourceRef Src(string id) => new(SourceSystem.HubSpot, "contact", id);

    private static string Json(CanonicalContact contact) => CanonicalContactJson.Write(contact);

    protected static CanonicalContact Rich(SourceRef source, string email) => new()
    {
        Source = source,
        Identities = [source],
        FamilyName = "佐藤",
        GivenName = "太郎",
        Email = new EmailAddress(email, email.ToLowerInvariant(), true, email.ToLowerInvariant()),
        Phone = new PhoneNumber("03-1234-5678", "+81312345678", string.Empty, true),
        Company = new Company { Name = "株式会社サンプル", Key = "サンプル", EmployeeCount = 120 },
        Activities = [new Activity(ActivityType.PageView, StoreFactory.Start.AddDays(-1), "/pricing")],
        Deals = [new Deal("006A", "Negotiation", DealOutcome.Open) { Amount = 1000.50m }],
        SourceModifiedAt = StoreFactory.Start.ToOffset(TimeSpan.FromHours(9)),
        Provenance = new Dictionary<string, PropertyProvenance> { [ContactProperties.Email] = new(source.System, StoreFactory.Start) },
    };
}
