using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SyncBridge.Simulators.HubSpot;

namespace SyncBridge.Connectors.HubSpot.Tests.Simulators;

/// <summary>The simulator's own HubSpot behaviours, over plain HTTP.</summary>
public sealed class HubSpotSimulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Client(HubSpotSimulator sim, string token = "any")
    {
        var client = new HttpClient { BaseAddress = sim.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Start_50000Contacts_SeedsThemWithDuplicates()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 50_000 }, Ct);

        var stats = sim.GetStats();

        Assert.Equal(52_000, stats.Contacts);
        var japanese = sim.ContactIds().Take(200).Select(id => sim.GetContact(id)!).Count(contact => contact["country"] is "Japan" or "日本" or "JP");
        Assert.InRange(japanese, 60, 180);
    }

    [Fact]
    public async Task Request_OverTheTenSecondLimit_Gets429WithHubSpotsBodyAndHeaders()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 5, RequestsPer10Seconds = 3 }, Ct);
        using var client = Client(sim);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/crm/v3/objects/contacts?limit=2", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal((2 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Headers.GetValues("X-HubSpot-RateLimit-Remaining").Single());
        }

        using var limited = await client.GetAsync(new Uri("/crm/objects/2026-09/contacts?limit=2", UriKind.Relative), Ct);
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("TEN_SECONDLY_ROLLING", body.RootElement.GetProperty("policyName").GetString());
        Assert.Equal("RATE_LIMIT", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(1, sim.GetStats().RateLimitedByPolicy["TEN_SECONDLY_ROLLING"]);
    }

    [Fact]
    public async Task Request_WithoutBearerToken_Gets401()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { RequiredToken = "secret" }, Ct);
        using var client = Client(sim, "wrong");

        using var response = await client.GetAsync(new Uri("/crm/v3/objects/contacts", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Search_PagingPastTheCap_Gets400()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 600, SearchResultCap = 300, SearchRequestsPerSecond = null }, Ct);
        using var client = Client(sim);

        using var inside = await client.PostAsync(new Uri("/crm/objects/2026-09/contacts/search", UriKind.Relative), Json("""{"limit":200,"after":"100","sorts":[{"propertyName":"lastmodifieddate","direction":"ASCENDING"}]}"""), Ct);
        using var past = await client.PostAsync(new Uri("/crm/objects/2026-09/contacts/search", UriKind.Relative), Json("""{"limit":100,"after":"300"}"""), Ct);
        using var tooBig = await client.PostAsync(new Uri("/crm/objects/2026-09/contacts/search", UriKind.Relative), Json("""{"limit":201}"""), Ct);
        using var page = JsonDocument.Parse(await inside.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(624, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(200, page.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task BatchUpdate_ReadOnlyAndTooMany_AreRefused()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 3, DuplicateEvery = 0 }, Ct);
        using var client = Client(sim);
        var ids = sim.ContactIds();
        var before = sim.GetContact(ids[0])!["hs_marketable_status"];
        var flipped = before == "true" ? "false" : "true";
        var mixed = $$$"""{"inputs":[{"id":"{{{ids[0]}}}","properties":{"hs_marketable_status":"{{{flipped}}}"}},{"id":"{{{ids[1]}}}","properties":{"jobtitle":"CTO"}}]}""";
        var tooMany = "{\"inputs\":[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $$$"""{"id":"{{{i}}}","properties":{"jobtitle":"x"}}""")) + "]}";

        using var partial = await client.PostAsync(new Uri("/crm/v3/objects/contacts/batch/update", UriKind.Relative), Json(mixed), Ct);
        using var refused = await client.PostAsync(new Uri("/crm/v3/objects/contacts/batch/update", UriKind.Relative), Json(tooMany), Ct);
        using var body = JsonDocument.Parse(await partial.Content.ReadAsStringAsync(Ct));

        Assert.Equal((HttpStatusCode)207, partial.StatusCode);
        Assert.Equal(1, body.RootElement.GetProperty("numErrors").GetInt32());
        Assert.Contains("read only", body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("CTO", sim.GetContact(ids[1])!["jobtitle"]);
        Assert.Equal(before, sim.GetContact(ids[0])!["hs_marketable_status"]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task StatsEndpoint_ReportsRequestsByEndpointAndContacts()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 10, DuplicateEvery = 0, ArchivedEvery = 5 }, Ct);
        using var client = Client(sim);
        using (await client.GetAsync(new Uri("/crm/v3/objects/contacts", UriKind.Relative), Ct))
        {
        }

        using (await client.GetAsync(new Uri($"/form-integrations/v1/submissions/forms/{sim.Options.FormGuid}?limit=5", UriKind.Relative), Ct))
        {
        }

        using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("/_sim/stats", UriKind.Relative), Ct));

        Assert.Equal(1, stats.RootElement.GetProperty("requests").GetProperty("contacts.list").GetInt64());
        Assert.Equal(1, stats.RootElement.GetProperty("requests").GetProperty("forms.submissions").GetInt64());
        Assert.Equal(8, stats.RootElement.GetProperty("contacts").GetInt32());
        Assert.Equal(2, stats.RootElement.GetProperty("archivedContacts").GetInt32());
    }

    [Fact]
    public async Task Search_ChangeWithinTheLag_IsNotFoundUntilIndexed()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { SearchLag = TimeSpan.FromMilliseconds(600), SearchRequestsPerSecond = null }, Ct);
        using var client = Client(sim);
        var id = sim.CreateContact(new Dictionary<string, string> { ["email"] = "lag@example.org" });
        const string Query = """{"limit":10,"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"lag@example.org"}]}]}""";

        using var early = JsonDocument.Parse(await (await client.PostAsync(new Uri("/crm/v3/objects/contacts/search", UriKind.Relative), Json(Query), Ct)).Content.ReadAsStringAsync(Ct));
        await Task.Delay(800, Ct);
        using var later = JsonDocument.Parse(await (await client.PostAsync(new Uri("/crm/v3/objects/contacts/search", UriKind.Relative), Json(Query), Ct)).Content.ReadAsStringAsync(Ct));

        Assert.Equal(0, early.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), later.RootElement.GetProperty("results")[0].GetProperty("id").GetString());
    }
}
