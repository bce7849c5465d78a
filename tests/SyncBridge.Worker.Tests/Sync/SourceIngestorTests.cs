using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Storage;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>The engine's intake against a real SQLite state store, fed by an in-memory source (a fake of our own port).</summary>
public sealed class SourceIngestorTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-ingest-").FullName;
    private readonly ServiceProvider _services;

    public SourceIngestorTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SyncBridge:State:SqlitePath"] = Path.Combine(_directory, "state.db") })
            .Build();
        _services = new ServiceCollection().AddLogging().AddSqliteStateStore(configuration).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task IngestAsync_TwoSourcesAtOnceWithTheSameHumans_StoreOnePersonEach()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var hubspotPages = Enumerable.Range(0, 20).Select(i => Page(t.AddSeconds(i), i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            Enumerable.Range(0, 10).Select(k => Contact(SourceSystem.HubSpot, "contact", $"{i}-{k}", $"p{i * 10 + k}@example.jp")).ToArray())).ToList();
        var salesforcePages = Enumerable.Range(0, 20).Select(i => Page(t.AddSeconds(i), i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            Enumerable.Range(0, 10).Select(k => Contact(SourceSystem.Salesforce, "Lead", $"00Q{i}-{k}", $"p{i * 10 + k}@example.jp")).ToArray())).ToList();
        using var ingestor = Ingestor();

        await Task.WhenAll(
            ingestor.IngestAsync(new FakeSource("hubspot:contacts", hubspotPages), TestContext.Current.CancellationToken),
            ingestor.IngestAsync(new FakeSource("salesforce:leads", salesforcePages), TestContext.Current.CancellationToken));

        Assert.Equal(200, await _services.GetRequiredService<IIdentityStore>().CountPersonsAsync(TestContext.Current.CancellationToken));
    }

    private SourceIngestor Ingestor() => new(
        _services.GetRequiredService<IStateStore>(), _services.GetRequiredService<IIdentityStore>(), _services.GetRequiredService<IContactStore>(), NullLogger<SourceIngestor>.Instance);

    private static CanonicalContact Contact(SourceSystem system, string objectType, string id, string email) => new()
    {
        Source = new SourceRef(system, objectType, id),
        Identities = [new SourceRef(system, objectType, id)],
        Email = new EmailAddress(email, email, true, email),
    };

    private static ContactPage Page(DateTimeOffset at, string lastId, params CanonicalContact[] contacts) =>
        new(contacts, [], [], new SourceCursor(at, lastId));

    [Fact]
    public async Task IngestAsync_TwoSystemsSameEmail_StoreOnePersonLinkedToBoth()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var hubspot = new FakeSource("hubspot:contacts", [Page(t, "1", Contact(SourceSystem.HubSpot, "contact", "1", "taro@example.jp"))]);
        var salesforce = new FakeSource("salesforce:leads", [Page(t, "00Q1", Contact(SourceSystem.Salesforce, "Lead", "00Q1", "taro@example.jp"))]);

        await Ingestor().IngestAsync(hubspot, TestContext.Current.CancellationToken);
        await Ingestor().IngestAsync(salesforce, TestContext.Current.CancellationToken);

        var identities = _services.GetRequiredService<IIdentityStore>();
        var fromHubSpot = await identities.FindPersonBySourceAsync(new SourceRef(SourceSystem.HubSpot, "contact", "1"), TestContext.Current.CancellationToken);
        var fromSalesforce = await identities.FindPersonBySourceAsync(new SourceRef(SourceSystem.Salesforce, "Lead", "00Q1"), TestContext.Current.CancellationToken);
        Assert.NotNull(fromHubSpot);
        Assert.Equal(fromHubSpot, fromSalesforce);
        Assert.Equal(1, await identities.CountPersonsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IngestAsync_StopSignalledWhilePageTwoIsRead_FinishesPageTwoSavesItsCursorAndAsksForNoMore()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var stopping = new CancellationTokenSource();
        var pages = Enumerable.Range(1, 5).Select(i => Page(t.AddSeconds(i), i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Contact(SourceSystem.HubSpot, "contact", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"p{i}@example.jp"))).ToList();
        var source = new FakeSource("hubspot:contacts", pages, onServed: n =>
        {
            if (n == 2)
            {
                stopping.Cancel(); // SIGTERM arrives while page 2 is being read
            }
        });

        var summary = await Ingestor().IngestAsync(source, TestContext.Current.CancellationToken, stopping.Token);

        Assert.Equal(2, summary.Pages);
        Assert.Equal(2, source.Served);
        Assert.Equal(pages[1].Cursor, await _services.GetRequiredService<IStateStore>().GetCursorAsync("hubspot:contacts", TestContext.Current.CancellationToken));
        Assert.Equal(2, await _services.GetRequiredService<IIdentityStore>().CountPersonsAsync(TestContext.Current.CancellationToken));

        // The next run resumes after page 2 and loses nothing.
        var rest = await Ingestor().IngestAsync(source, TestContext.Current.CancellationToken);
        Assert.Equal(3, rest.Pages);
        Assert.Equal(5, await _services.GetRequiredService<IIdentityStore>().CountPersonsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IngestAsync_SavesEachPagesCursorAndResumesFromIt()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var source = new FakeSource("hubspot:contacts",
        [
            Page(t, "1", Contact(SourceSystem.HubSpot, "contact", "1", "a@example.jp")),
            Page(t.AddSeconds(1), "2", Contact(SourceSystem.HubSpot, "contact", "2", "b@example.jp")),
        ]);

        var summary = await Ingestor().IngestAsync(source, TestContext.Current.CancellationToken);
        Assert.Equal(2, summary.Pages);
        Assert.Equal(2, summary.Persons);
        Assert.Null(source.SinceSeen[0]);

        var saved = await _services.GetRequiredService<IStateStore>().GetCursorAsync("hubspot:contacts", TestContext.Current.CancellationToken);
        Assert.Equal(new SourceCursor(t.AddSeconds(1), "2"), saved);

        await Ingestor().IngestAsync(source, TestContext.Current.CancellationToken);
        Assert.Equal(saved, source.SinceSeen[1]);
    }

    [Fact]
    public async Task IngestAsync_PageFailsMidway_KeepsTheCursorOfTheLastStoredPage()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var source = new FakeSource("salesforce:contacts", [Page(t, "003A", Contact(SourceSystem.Salesforce, "Contact", "003A", "a@example.jp"))], failAfterPages: 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => Ingestor().IngestAsync(source, TestContext.Current.CancellationToken));

        var saved = await _services.GetRequiredService<IStateStore>().GetCursorAsync("salesforce:contacts", TestContext.Current.CancellationToken);
        Assert.Equal(new SourceCursor(t, "003A"), saved);
    }

    [Fact]
    public async Task IngestAsync_SamePageTwice_StoresTheSamePersonAgain()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var page = Page(t, "1", Contact(SourceSystem.HubSpot, "contact", "1", "a@example.jp"));
        await Ingestor().IngestAsync(new FakeSource("s", [page]), TestContext.Current.CancellationToken);
        var identities = _services.GetRequiredService<IIdentityStore>();
        var first = await identities.FindPersonBySourceAsync(new SourceRef(SourceSystem.HubSpot, "contact", "1"), TestContext.Current.CancellationToken);

        await Ingestor().IngestAsync(new FakeSource("s2", [page]), TestContext.Current.CancellationToken);
        var second = await identities.FindPersonBySourceAsync(new SourceRef(SourceSystem.HubSpot, "contact", "1"), TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task IngestAsync_TwoSystemsSameEmail_StoresBothContactsUnderTheirPerson()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var fromHubSpot = Contact(SourceSystem.HubSpot, "contact", "1", "taro@example.jp") with { FamilyName = "佐藤", SourceModifiedAt = t };
        var fromSalesforce = Contact(SourceSystem.Salesforce, "Lead", "00Q1", "taro@example.jp") with { Title = "CTO" };

        await Ingestor().IngestAsync(new FakeSource("hubspot:contacts", [Page(t, "1", fromHubSpot)]), TestContext.Current.CancellationToken);
        await Ingestor().IngestAsync(new FakeSource("salesforce:leads", [Page(t, "00Q1", fromSalesforce)]), TestContext.Current.CancellationToken);

        var person = await _services.GetRequiredService<IIdentityStore>().FindPersonBySourceAsync(fromHubSpot.Source, TestContext.Current.CancellationToken);
        var stored = await _services.GetRequiredService<IContactStore>().GetContactsOfPersonsAsync([person!], TestContext.Current.CancellationToken);
        Assert.Equal(
            [CanonicalContactJson.Write(fromHubSpot), CanonicalContactJson.Write(fromSalesforce)],
            stored[person!].Select(CanonicalContactJson.Write));
    }

    [Fact]
    public async Task IngestAsync_LaterRecordJoinsTwoPersons_BothContactsMoveToTheSurvivor()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var hubspot = Contact(SourceSystem.HubSpot, "contact", "1", "a@example.jp");
        var lead = Contact(SourceSystem.Salesforce, "Lead", "00Q1", "b@example.jp");
        await Ingestor().IngestAsync(new FakeSource("first", [Page(t, "1", hubspot, lead)]), TestContext.Current.CancellationToken);
        var identities = _services.GetRequiredService<IIdentityStore>();
        Assert.Equal(2, await identities.CountPersonsAsync(TestContext.Current.CancellationToken));

        // The HubSpot record now says it is that Lead too (HubSpot's Salesforce sync): the two persons merge.
        var joined = hubspot with { Identities = [hubspot.Source, lead.Source] };
        await Ingestor().IngestAsync(new FakeSource("second", [Page(t.AddSeconds(1), "2", joined)]), TestContext.Current.CancellationToken);

        var survivor = await identities.FindPersonBySourceAsync(hubspot.Source, TestContext.Current.CancellationToken);
        Assert.Equal(1, await identities.CountPersonsAsync(TestContext.Current.CancellationToken));
        var stored = await _services.GetRequiredService<IContactStore>().GetContactsOfPersonsAsync([survivor!], TestContext.Current.CancellationToken);
        Assert.Equal([hubspot.Source, lead.Source], stored[survivor!].Select(c => c.Source));
        Assert.Equal(2, stored[survivor!].Single(c => c.Source == hubspot.Source).Identities.Count);
        var changed = await _services.GetRequiredService<IContactStore>().ListChangedPersonsAsync(0, 10, TestContext.Current.CancellationToken);
        Assert.Equal([survivor!], changed.PersonIds);
    }

    [Fact]
    public async Task IngestAsync_ContactSaveFails_DoesNotSaveThatPagesCursor()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var source = new FakeSource("hubspot:contacts",
        [
            Page(t, "1", Contact(SourceSystem.HubSpot, "contact", "1", "a@example.jp")),
            Page(t.AddSeconds(1), "2", Contact(SourceSystem.HubSpot, "contact", "2", "b@example.jp")),
        ]);
        var failing = new FailingContactStore(_services.GetRequiredService<IContactStore>(), failOnCall: 2);
        using var ingestor = new SourceIngestor(
            _services.GetRequiredService<IStateStore>(), _services.GetRequiredService<IIdentityStore>(), failing, NullLogger<SourceIngestor>.Instance);

        await Assert.ThrowsAsync<IOException>(() => ingestor.IngestAsync(source, TestContext.Current.CancellationToken));

        var saved = await _services.GetRequiredService<IStateStore>().GetCursorAsync("hubspot:contacts", TestContext.Current.CancellationToken);
        Assert.Equal(new SourceCursor(t, "1"), saved);

        // The next run re-reads the failed page and stores its contact.
        await Ingestor().IngestAsync(source, TestContext.Current.CancellationToken);
        var person = await _services.GetRequiredService<IIdentityStore>().FindPersonBySourceAsync(new SourceRef(SourceSystem.HubSpot, "contact", "2"), TestContext.Current.CancellationToken);
        Assert.Single((await _services.GetRequiredService<IContactStore>().GetContactsOfPersonsAsync([person!], TestContext.Current.CancellationToken))[person!]);
    }

    /// <summary>Our contact store that fails its n-th save (a disk or lock error), passing the others through.</summary>
    private sealed class FailingContactStore(IContactStore inner, int failOnCall) : IContactStore
    {
        private int _calls;

        public Task SaveContactsAsync(IReadOnlyList<PersonContact> contacts, CancellationToken cancellationToken) =>
            ++_calls == failOnCall ? throw new IOException("disk full") : inner.SaveContactsAsync(contacts, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<CanonicalContact>>> GetContactsOfPersonsAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken) =>
            inner.GetContactsOfPersonsAsync(personIds, cancellationToken);

        public Task<ChangedPersons> ListChangedPersonsAsync(long afterSequence, int max, CancellationToken cancellationToken) =>
            inner.ListChangedPersonsAsync(afterSequence, max, cancellationToken);
    }

    private sealed class FakeSource(string name, IReadOnlyList<ContactPage> pages, int failAfterPages = -1, Action<int>? onServed = null) : IContactSource
    {
        public List<SourceCursor?> SinceSeen { get; } = [];

        /// <summary>Pages handed out over every read.</summary>
        public int Served { get; private set; }

        public string Name => name;

        public async IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            SinceSeen.Add(since);
            var served = 0;
            foreach (var page in pages.Where(p => since is null || since.IsBefore(p.Cursor.Timestamp, p.Cursor.Id)))
            {
                await Task.Yield();
                Served++;
                onServed?.Invoke(served + 1);
                yield return page;
                if (++served == failAfterPages)
                {
                    throw new HttpRequestException("connection reset");
                }
            }
        }
    }
}
