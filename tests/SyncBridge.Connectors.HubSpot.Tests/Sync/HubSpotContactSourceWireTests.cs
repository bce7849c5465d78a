using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using SyncBridge.Testing;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

public sealed class HubSpotContactSourceWireTests : IDisposable
{
    private const string SearchPath = HubSpotWire.ContactsPath + "/search";
    private readonly WireMockServer _server = WireMockServer.Start();

    private Uri BaseUrl => new(_server.Urls[0]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    [Fact]
    public async Task ReadChanges_NoCursor_BackfillsEveryListPage()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath).WithParam("archived", "false").WithParam("after", MatchBehaviourMissing()))
            .RespondWith(Json(HubSpotWire.Page([HubSpotWire.Contact(1, "2026-10-01T00:00:00.000Z"), HubSpotWire.Contact(2, "2026-10-01T00:00:01.000Z")], "2")));
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath).WithParam("after", "2"))
            .RespondWith(Json(HubSpotWire.Page([HubSpotWire.Contact(3, "2026-10-01T00:00:00.000Z")], "3")));
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath).WithParam("after", "3"))
            .RespondWith(Json(HubSpotWire.Page([HubSpotWire.Contact(4, "2026-10-02T00:00:00.000Z")], null)));
        using var host = HubSpotTestHost.Create(BaseUrl);
        var store = new InMemoryStateStore();

        var pages = await host.RunAsync(store, Ct);

        Assert.Equal(3, pages.Count);
        Assert.Equal(["1", "2", "3", "4"], pages.SelectMany(page => page.Contacts).Select(contact => contact.Source.Id));
        Assert.All(pages.SelectMany(page => page.Contacts), contact => Assert.Equal(SourceSystem.HubSpot, contact.Source.System));
        Assert.Equal(3, store.Saves);
        Assert.DoesNotContain("\"backfilling\":true", pages[^1].Cursor.State, StringComparison.Ordinal);
        Assert.Contains("\"backfilling\":true", pages[0].Cursor.State, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadChanges_MalformedRecords_NamesThemAndKeepsTheRestOfThePage()
    {
        var body = HubSpotWire.Page(
        [
            HubSpotWire.Contact(10, "2026-10-01T00:00:00.000Z"),
            """{"properties":{"email":"noid@example.com"}}""",
            """{"id":"11","properties":"oops"}""",
            "42",
            """{"id":"abc","properties":{}}""",
            HubSpotWire.Contact(12, "2026-10-01T00:00:02.000Z"),
        ], null);
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(Json(body));
        using var host = HubSpotTestHost.Create(BaseUrl);

        var pages = await host.RunAsync(new InMemoryStateStore(), Ct);

        var page = Assert.Single(pages);
        Assert.Equal(["10", "12"], page.Contacts.Select(contact => contact.Source.Id));
        Assert.Equal(4, page.Errors.Count);
        Assert.All(page.Errors, error => Assert.Equal("hubspot:contacts", error.Source));
        Assert.Contains(page.Errors, error => error.Location.EndsWith("record 1", StringComparison.Ordinal) && error.Message.Contains("no id", StringComparison.Ordinal));
        Assert.Contains(page.Errors, error => error.Location.EndsWith("record 2", StringComparison.Ordinal) && error.Message.Contains("record 11", StringComparison.Ordinal));
        Assert.Contains(page.Errors, error => error.Location.EndsWith("record 3", StringComparison.Ordinal));
        Assert.Contains(page.Errors, error => error.Location.EndsWith("record 4", StringComparison.Ordinal) && error.Message.Contains("abc", StringComparison.Ordinal));
        Assert.All(page.Errors, error => Assert.StartsWith("list page 1", error.Location, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadChanges_WindowOverTheCap_SplitsByTimeInsteadOfPagingPastIt()
    {
        // The open window reports 25,000 results; any window bounded by LTE holds the two contacts below.
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost().WithBody((string? b) => b is not null && !b.Contains("\"LTE\"", StringComparison.Ordinal)))
            .InScenario("split").WillSetStateTo("narrowed")
            .RespondWith(Json(HubSpotWire.SearchPage(25_000, [HubSpotWire.Contact(1, "2026-11-01T00:00:00.000Z")], "200")));
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost().WithBody((string? b) => b is not null && b.Contains("\"LTE\"", StringComparison.Ordinal)))
            .InScenario("split").WhenStateIs("narrowed").WillSetStateTo("drained")
            .RespondWith(Json(HubSpotWire.SearchPage(2, [HubSpotWire.Contact(1, "2026-11-01T00:00:00.000Z"), HubSpotWire.Contact(2, "2026-11-01T00:00:05.000Z")], null)));
        _server.Given(Request.Create().WithPath(SearchPath).UsingPost().WithBody((string? b) => b is not null && !b.Contains("\"LTE\"", StringComparison.Ordinal)))
            .InScenario("split").WhenStateIs("drained")
            .RespondWith(Json(HubSpotWire.SearchPage(1, [HubSpotWire.Contact(3, "2026-11-02T00:00:00.000Z")], null)));
        using var host = HubSpotTestHost.Create(BaseUrl, settings => settings["SyncBridge:HubSpot:ReadArchived"] = "false");
        var since = new SourceCursor(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), "0", """{"floor":"2026-10-01T00:00:00+00:00"}""");

        var pages = new List<ContactPage>();
        await foreach (var page in host.Source.ReadChangesAsync(since, Ct))
        {
            pages.Add(page);
        }

        Assert.Equal(["1", "2", "3"], pages.SelectMany(page => page.Contacts).Select(contact => contact.Source.Id));
        var searches = _server.LogEntries.Where(entry => entry.RequestMessage.Path == SearchPath).Select(entry => entry.RequestMessage.Body!).ToList();
        Assert.Equal(3, searches.Count);
        Assert.DoesNotContain(searches, body => body.Contains("\"after\":\"200\"", StringComparison.Ordinal));
        Assert.Contains("\"LTE\"", searches[1], StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), pages[^1].Cursor.Timestamp);
        Assert.Equal("3", pages[^1].Cursor.Id);
    }

    private static WireMock.Matchers.MatchBehaviour MatchBehaviourMissing() => WireMock.Matchers.MatchBehaviour.RejectOnMatch;
}
