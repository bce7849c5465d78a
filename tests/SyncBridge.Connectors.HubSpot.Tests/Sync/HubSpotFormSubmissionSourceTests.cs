using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Simulators.HubSpot;
using SyncBridge.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

/// <summary>The <c>hubspot:forms</c> source through the real Refit client and pipeline, against the simulator and WireMock.</summary>
public sealed class HubSpotFormSubmissionSourceTests : IDisposable
{
    private const string FormA = "aaaaaaaa-0000-0000-0000-00000000000a";
    private const string FormB = "bbbbbbbb-0000-0000-0000-00000000000b";
    private readonly WireMockServer _server = WireMockServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    private static async Task<List<ContactPage>> RunAsync(HubSpotTestHost host, InMemoryStateStore store)
    {
        var source = host.Services.GetRequiredService<HubSpotFormSubmissionSource>();
        var since = await store.GetCursorAsync(source.Name, Ct);
        var pages = new List<ContactPage>();
        await foreach (var page in source.ReadChangesAsync(since, Ct))
        {
            pages.Add(page);
            await store.SaveCursorAsync(source.Name, page.Cursor, Ct);
        }

        return pages;
    }

    [Fact]
    public async Task ReadChanges_BackfillThenNewSubmissions_DeliversEachSubmissionOnceOldestFirstWithItsActivity()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 40, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl, settings => settings["SyncBridge:HubSpot:FormPageSize"] = "7");
        var store = new InMemoryStateStore();

        var backfill = (await RunAsync(host, store)).SelectMany(page => page.Contacts).ToList();

        Assert.NotEmpty(backfill);
        Assert.Equal(backfill.Count, backfill.Select(contact => contact.Source.Id).Distinct().Count());
        Assert.All(backfill, contact =>
        {
            Assert.Equal(SourceSystem.Form, contact.Source.System);
            Assert.True(contact.Email.IsValid);
            var activity = Assert.Single(contact.Activities);
            Assert.Equal(ActivityType.FormSubmission, activity.Type);
            Assert.Equal("https://www.example.com/contact", activity.Detail);
        });
        var times = backfill.Select(contact => contact.Activities[0].OccurredAt).ToList();
        Assert.Equal(times.Order(), times);

        var at = times[^1].AddMinutes(5);
        var first = sim.SubmitForm("new.one@example.org", "New", "One", "Example KK", "https://www.example.com/pricing", at);
        var second = sim.SubmitForm("new.two@example.org", "New", "Two", "Example KK", "https://www.example.com/demo", at.AddSeconds(1));

        var incremental = (await RunAsync(host, store)).SelectMany(page => page.Contacts).ToList();

        Assert.Equal([first, second], incremental.Select(contact => contact.Source.Id));
        Assert.Equal("new.one@example.org", incremental[0].Email.Normalized);
        Assert.Equal("One", incremental[0].FamilyName);
        Assert.Equal("https://www.example.com/demo", incremental[1].Activities[0].Detail);
        Assert.Empty((await RunAsync(host, store)).SelectMany(page => page.Contacts));
    }

    [Fact]
    public async Task ReadChanges_SubmissionWithoutUsableEmail_IsARecordErrorNamingFormPageAndPosition()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 0, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        using var host = HubSpotTestHost.Create(sim.BaseUrl);
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        sim.SubmitForm("good@example.org", "Good", "Person", "Example", "https://www.example.com/a", at);
        sim.SubmitForm(string.Empty, "No", "Email", "Example", "https://www.example.com/b", at.AddSeconds(1));
        sim.SubmitForm("not an address", "Bad", "Email", "Example", "https://www.example.com/c", at.AddSeconds(2));

        var pages = await RunAsync(host, new InMemoryStateStore());

        Assert.Equal(["good@example.org"], pages.SelectMany(page => page.Contacts).Select(contact => contact.Email.Normalized));
        var errors = pages.SelectMany(page => page.Errors).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, error =>
        {
            Assert.Equal("hubspot:forms", error.Source);
            Assert.StartsWith($"form {new HubSpotSimulatorOptions().FormGuid} page 1 submission ", error.Location, StringComparison.Ordinal);
        });
        Assert.Contains(errors, error => error.Message.Contains("no email", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, error => error.Message.Contains("not an address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadChanges_NoFormsConfigured_ListsTheFormsAndReadsEachOnePageAfterPage()
    {
        Stub("/marketing/v3/forms", null, "{\"results\":[{\"id\":\"" + FormA + "\",\"name\":\"A\"}],\"paging\":{\"next\":{\"after\":\"f2\"}}}");
        Stub("/marketing/v3/forms", "f2", $$"""{"results":[{"id":"{{FormB}}","name":"B"},{"id":"cccccccc-0000-0000-0000-00000000000c","name":"old","archived":true}]}""");
        Stub(SubmissionsPath(FormA), null, Submissions(("a2", 2_000, "a2@example.org"), ("a1", 1_000, "a1@example.org")), next: "p2");
        Stub(SubmissionsPath(FormA), "p2", Submissions(("a0", 500, "a0@example.org")));
        Stub(SubmissionsPath(FormB), null, Submissions(("b1", 1_500, "b1@example.org")));
        using var host = HubSpotTestHost.Create(new Uri(_server.Urls[0]));

        var pages = await RunAsync(host, new InMemoryStateStore());

        Assert.Equal(["a0", "a1", "b1", "a2"], pages.SelectMany(page => page.Contacts).Select(contact => contact.Source.Id));
        Assert.Equal(new SourceCursor(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_002_000), "a2"), pages[^1].Cursor);
        Assert.DoesNotContain(_server.LogEntries, entry => entry.RequestMessage.Path.Contains("cccccccc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadChanges_ConfiguredFormsWithACursor_StopsPagingOnceAPageReachesBeforeTheCursor()
    {
        Stub(SubmissionsPath(FormA), null, Submissions(("a3", 3_000, "a3@example.org"), ("a2", 2_000, "a2@example.org"), ("a1", 1_000, "a1@example.org")), next: "p2");
        Stub(SubmissionsPath(FormA), "p2", Submissions(("a0", 500, "a0@example.org")));
        using var host = HubSpotTestHost.Create(new Uri(_server.Urls[0]), settings => settings["SyncBridge:HubSpot:Forms:0"] = FormA);
        var store = new InMemoryStateStore();
        await store.SaveCursorAsync("hubspot:forms", new SourceCursor(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_002_000), "a2"), Ct);

        var pages = await RunAsync(host, store);

        Assert.Equal(["a3"], pages.SelectMany(page => page.Contacts).Select(contact => contact.Source.Id));
        Assert.DoesNotContain(_server.LogEntries, entry => entry.RequestMessage.Url.Contains("after=p2", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.LogEntries, entry => entry.RequestMessage.Path.StartsWith("/marketing/v3/forms", StringComparison.Ordinal));
    }

    private static string SubmissionsPath(string form) => "/form-integrations/v1/submissions/forms/" + form;

    private void Stub(string path, string? after, string body)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        request = after is null ? request.WithParam("after", WireMock.Matchers.MatchBehaviour.RejectOnMatch) : request.WithParam("after", after);
        _server.Given(request).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    private void Stub(string path, string? after, string body, string next) =>
        Stub(path, after, body[..^1] + ",\"paging\":{\"next\":{\"after\":\"" + next + "\"}}}");

    private static string Submissions(params (string Id, long Offset, string Email)[] submissions) =>
        "{\"results\":[" + string.Join(',', submissions.Select(s =>
            $$"""{"conversionId":"{{s.Id}}","submittedAt":{{1_700_000_000_000 + s.Offset}},"pageUrl":"https://www.example.com/{{s.Id}}","values":[{"name":"email","value":"{{s.Email}}","objectTypeId":"0-1"},{"name":"firstname","value":"F{{s.Id}}"}]}""")) + "]}";
}
