using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;

using SyncBridge.Storage.Tests.Sqlite;

namespace SyncBridge.Storage.Tests.Contracts;

/// <summary>The behaviour of <see cref="IStateStore"/> and <see cref="IIdentityStore"/> every provider has.</summary>
public abstract class StateStoreContract(StoreBackend backend) : IAsyncDisposable
{
    private static readonly SourceRef HubSpot1 = new(SourceSystem.HubSpot, "contact", "101");
    private static readonly SourceRef Lead1 = new(SourceSystem.Salesforce, "Lead", "00Q000000000001");
    private static readonly SourceRef Lead1Upper = new(SourceSystem.Salesforce, "Lead", "00Q000000000001".ToUpperInvariant() + "X");

    private readonly FakeTimeProvider _time = new(StoreFactory.Start);

    protected StoreBackend Backend => backend;

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCursorAsync_BeforeTheFirstSave_ReturnsNull()
    {
        using var store = backend.Open(_time);
        Assert.Null(await store.GetCursorAsync("hubspot:contacts", Ct));
    }

    [Fact]
    public async Task SaveCursorAsync_RoundTripsTimestampOffsetTieBreakIdAndState()
    {
        var cursor = new SourceCursor(new DateTimeOffset(2026, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(9)).AddTicks(4567), "00Q5", "{\"window\":\"2026-03\"}");
        using (var store = backend.Open(_time))
        {
            await store.SaveCursorAsync("salesforce:leads", cursor, Ct);
        }

        using var reopened = backend.Open(_time);
        var read = await reopened.GetCursorAsync("salesforce:leads", Ct);

        Assert.Equal(cursor, read);
        Assert.Equal(TimeSpan.FromHours(9), read!.Timestamp.Offset);
        Assert.Null(await reopened.GetCursorAsync("hubspot:contacts", Ct));
    }

    [Fact]
    public async Task SaveCursorAsync_Again_ReplacesTheCursor()
    {
        using var store = backend.Open(_time);
        await store.SaveCursorAsync("hubspot:contacts", new SourceCursor(StoreFactory.Start, "1", "a"), Ct);
        await store.SaveCursorAsync("hubspot:contacts", new SourceCursor(StoreFactory.Start, "2"), Ct);

        Assert.Equal(new SourceCursor(StoreFactory.Start, "2"), await store.GetCursorAsync("hubspot:contacts", Ct));
    }

    [Fact]
    public async Task SavePersonsAsync_RoundTripsKeysAndLinks()
    {
        var person = new PersonRecord(
            "p_00000000000000aa",
            [new IdentityKey(IdentityKeyKind.Email, "taro@example.jp"), new IdentityKey(IdentityKeyKind.PhoneName, "+81312345678|山田|太郎")],
            [HubSpot1, Lead1]);
        using (var store = backend.Open(_time))
        {
            await store.SavePersonsAsync([person], Ct);
        }

        using var reopened = backend.Open(_time);
        var read = await reopened.GetPersonAsync(person.PersonId, Ct);

        Assert.NotNull(read);
        Assert.Equal(person.Keys.OrderBy(k => k.Kind).ThenBy(k => k.Value, StringComparer.Ordinal), read.Keys);
        Assert.Equal(person.Sources.OrderBy(s => s.System.ToName(), StringComparer.Ordinal), read.Sources);
        Assert.Equal(person.PersonId, await reopened.FindPersonBySourceAsync(Lead1, Ct));
        Assert.Null(await reopened.FindPersonBySourceAsync(Lead1Upper, Ct));
        Assert.Equal(person.PersonId, await reopened.FindPersonByKeyAsync(new IdentityKey(IdentityKeyKind.PhoneName, "+81312345678|山田|太郎"), Ct));
        Assert.Null(await reopened.FindPersonByKeyAsync(new IdentityKey(IdentityKeyKind.Source, "taro@example.jp"), Ct));
        Assert.Null(await reopened.GetPersonAsync("p_unknown", Ct));
    }

    [Fact]
    public async Task SavePersonsAsync_KeysMoveToAMergedPerson_TheEmptiedPersonGoesAndItsConflictsFollow()
    {
        using var store = backend.Open(_time);
        var email = new IdentityKey(IdentityKeyKind.Email, "a@example.com");
        await store.SavePersonsAsync([new PersonRecord("p_old", [email], [HubSpot1]), new PersonRecord("p_other", [], [Lead1])], Ct);
        await store.SaveConflictsAsync([Conflict("p_old", ContactProperties.Title)], Ct);

        await store.SavePersonsAsync([new PersonRecord("p_new", [email, new IdentityKey(IdentityKeyKind.Email, "b@example.com")], [HubSpot1])], Ct);

        Assert.Null(await store.GetPersonAsync("p_old", Ct));
        Assert.Equal("p_new", await store.FindPersonByKeyAsync(email, Ct));
        Assert.Equal("p_new", await store.FindPersonBySourceAsync(HubSpot1, Ct));
        Assert.Equal("p_other", await store.FindPersonBySourceAsync(Lead1, Ct));
        Assert.Equal("p_new", Assert.Single(await store.ListConflictsAsync("p_new", 10, Ct)).PersonId);
    }

    [Fact]
    public async Task SavePersonsAsync_PersonKeepingAKey_IsNotRemoved()
    {
        using var store = backend.Open(_time);
        var a = new IdentityKey(IdentityKeyKind.Email, "a@example.com");
        var b = new IdentityKey(IdentityKeyKind.Email, "b@example.com");
        await store.SavePersonsAsync([new PersonRecord("p_1", [a, b], [])], Ct);

        await store.SavePersonsAsync([new PersonRecord("p_2", [b], [])], Ct);

        Assert.Equal([a], (await store.GetPersonAsync("p_1", Ct))!.Keys);
        Assert.Equal([b], (await store.GetPersonAsync("p_2", Ct))!.Keys);
    }

    [Fact]
    public async Task SaveConflictsAsync_RoundTripsCandidatesRuleChoiceAndTime()
    {
        var time = new FakeTimeProvider(StoreFactory.Start);
        var conflict = Conflict("p_1", ContactProperties.Title);
        using (var store = backend.Open(time))
        {
            await store.SaveConflictsAsync([conflict], Ct);
            time.Advance(TimeSpan.FromMinutes(5));
            await store.SaveConflictsAsync([Conflict("p_2", ContactProperties.Phone), Conflict("p_1", ContactProperties.Email)], Ct);
        }

        using var reopened = backend.Open(_time);
        var forPerson = await reopened.ListConflictsAsync("p_1", 10, Ct);
        var all = await reopened.ListConflictsAsync(null, 10, Ct);
        var limited = await reopened.ListConflictsAsync(null, 2, Ct);

        Assert.Equal(2, forPerson.Count);
        var first = forPerson[0];
        Assert.Equal(conflict.Property, first.Property);
        Assert.Equal(conflict.Rule, first.Rule);
        Assert.Equal(conflict.ChosenValue, first.ChosenValue);
        Assert.Equal(conflict.Candidates, first.Candidates);
        Assert.Equal(StoreFactory.Start, first.DetectedAt);
        Assert.Equal(StoreFactory.Start.AddMinutes(5), forPerson[1].DetectedAt);
        Assert.Equal([ContactProperties.Title, ContactProperties.Phone, ContactProperties.Email], all.Select(c => c.Property));
        Assert.Equal(2, limited.Count);
    }

    [Fact]
    public async Task TwoStoresOnOneFile_WritingConcurrently_LoseNothingAndStayConsistent()
    {
        using var first = backend.Open(_time);
        using var second = backend.Open(_time);
        const int PerWriter = 60;

        async Task Write(Core.Sync.IStateStore cursors, IIdentityStore identities, string prefix)
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var id = prefix + i.ToString(CultureInfo.InvariantCulture);
                await cursors.SaveCursorAsync("source-" + id, new SourceCursor(StoreFactory.Start.AddSeconds(i), id), Ct);
                await identities.SavePersonsAsync(
                    [new PersonRecord("p_" + id, [new IdentityKey(IdentityKeyKind.Email, id + "@example.com"), new IdentityKey(IdentityKeyKind.Email, "shared@example.com")], [new SourceRef(SourceSystem.Csv, string.Empty, id)])],
                    Ct);
                await identities.SaveConflictsAsync([Conflict("p_" + id, ContactProperties.Title)], Ct);
            }
        }

        await Task.WhenAll(Task.Run(() => Write(first, first, "a"), Ct), Task.Run(() => Write(second, second, "b"), Ct));

        backend.AssertIntegrity();
        Assert.Equal(2L * PerWriter, backend.Count("SELECT COUNT(*) FROM cursors;"));
        Assert.Equal(2L * PerWriter, backend.Count("SELECT COUNT(*) FROM source_links;"));
        Assert.Equal(2L * PerWriter, backend.Count("SELECT COUNT(*) FROM merge_conflicts;"));
        Assert.Equal((2L * PerWriter) + 1, backend.Count("SELECT COUNT(*) FROM person_keys;"));
        // Every person still referenced by a key or a link exists; none points nowhere.
        Assert.Equal(0L, backend.Count("SELECT COUNT(*) FROM person_keys k WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.person_id = k.person_id);"));
        for (var i = 0; i < PerWriter; i += 17)
        {
            var id = "b" + i.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(new SourceCursor(StoreFactory.Start.AddSeconds(i), id), await first.GetCursorAsync("source-" + id, Ct));
        }
    }

    private static MergeConflict Conflict(string personId, string property) => new(
        personId,
        property,
        [
            new MergeCandidate("Engineer", HubSpot1, StoreFactory.Start.AddDays(-2)),
            new MergeCandidate("マネージャー", Lead1, null),
        ],
        "Engineer",
        "PreferSource:hubspot");
}
