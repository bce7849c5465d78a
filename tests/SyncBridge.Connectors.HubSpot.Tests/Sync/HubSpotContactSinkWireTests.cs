using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

public sealed class HubSpotContactSinkWireTests : IDisposable
{
    private const string UpdatePath = HubSpotWire.ContactsPath + "/batch/update";
    private readonly WireMockServer _server = WireMockServer.Start();

    private Uri BaseUrl => new(_server.Urls[0]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    private static ContactUpdate Update(string id, string property = "syncbridge_score", string value = "42") =>
        new("person-" + id, new SourceRef(SourceSystem.HubSpot, "contact", id), new Dictionary<string, string> { [property] = value }, 1);

    [Fact]
    public async Task Write_PartialFailure207_SplitsPerContact()
    {
        _server.Given(Request.Create().WithPath(UpdatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(207)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""
                {"status":"COMPLETE","results":[{"id":"1","properties":{"syncbridge_score":"42"}},{"id":"3","properties":{"syncbridge_score":"42"}}],
                 "numErrors":2,
                 "errors":[{"status":"error","category":"VALIDATION_ERROR","message":"Property values were not valid","context":{"ids":["2"]}},
                           {"status":"error","category":"RATE_LIMITS","message":"try later","context":{"ids":["4"]}}]}
                """));
        using var host = HubSpotTestHost.Create(BaseUrl);

        var results = await host.Sink.WriteAsync([Update("1"), Update("2"), Update("3"), Update("4")], Ct);

        Assert.Equal(WriteOutcome.Applied, results.Single(r => r.Update.Target.Id == "1").Outcome);
        Assert.Equal(WriteOutcome.Applied, results.Single(r => r.Update.Target.Id == "3").Outcome);
        var rejected = results.Single(r => r.Update.Target.Id == "2");
        Assert.Equal(WriteOutcome.Rejected, rejected.Outcome);
        Assert.Equal("Property values were not valid", rejected.Error);
        Assert.Equal(WriteOutcome.Transient, results.Single(r => r.Update.Target.Id == "4").Outcome);
    }

    [Fact]
    public async Task Write_250Updates_SendsThreeBatchesOfAtMost100WithOnlyTheGivenPropertiesAndTheMarker()
    {
        _server.Given(Request.Create().WithPath(UpdatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody("""{"status":"COMPLETE","results":[]}"""));
        using var host = HubSpotTestHost.Create(BaseUrl);
        var updates = Enumerable.Range(1, 250).Select(i => Update(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var results = await host.Sink.WriteAsync(updates, Ct);

        Assert.All(results, result => Assert.Equal(WriteOutcome.Applied, result.Outcome));
        var bodies = _server.LogEntries.Select(entry => System.Text.Json.JsonDocument.Parse(entry.RequestMessage.Body!)).ToList();
        Assert.Equal([100, 100, 50], bodies.Select(body => body.RootElement.GetProperty("inputs").GetArrayLength()));
        Assert.All(bodies.SelectMany(body => body.RootElement.GetProperty("inputs").EnumerateArray()),
            input => Assert.Equal(["syncbridge_score", "syncbridge_version"], input.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Write_WholeBatchInvalid400_RejectsWithHubSpotsMessage()
    {
        _server.Given(Request.Create().WithPath(UpdatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(400)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"status":"error","message":"Property \"nope\" does not exist","correlationId":"x","category":"VALIDATION_ERROR"}"""));
        using var host = HubSpotTestHost.Create(BaseUrl);

        var results = await host.Sink.WriteAsync([Update("1", "nope")], Ct);

        var result = Assert.Single(results);
        Assert.Equal(WriteOutcome.Rejected, result.Outcome);
        Assert.Equal("Property \"nope\" does not exist", result.Error);
    }

    [Fact]
    public async Task Write_ServerKeepsFailing_ReportsTransient()
    {
        _server.Given(Request.Create().WithPath(UpdatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        using var host = HubSpotTestHost.Create(BaseUrl, settings => settings["SyncBridge:HubSpot:MaxRetries"] = "1");

        var results = await host.Sink.WriteAsync([Update("1"), Update("2")], Ct);

        Assert.All(results, result => Assert.Equal(WriteOutcome.Transient, result.Outcome));
        Assert.Equal(2, _server.LogEntries.Count);
    }

    [Fact]
    public async Task Write_MarketableStatus_IsRefusedWithoutCallingHubSpot()
    {
        using var host = HubSpotTestHost.Create(BaseUrl);

        var results = await host.Sink.WriteAsync([Update("1", "hs_marketable_status", "false")], Ct);

        Assert.Equal(WriteOutcome.Rejected, Assert.Single(results).Outcome);
        Assert.Empty(_server.LogEntries);
    }
}
