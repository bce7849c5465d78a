using System.Globalization;
using System.Text.Json;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

/// <summary>The version marker <c>syncbridge_version</c>: written with every update, read back by batch read.</summary>
public sealed class HubSpotContactSinkVersionWireTests : IDisposable
{
    private const string UpdatePath = HubSpotWire.ContactsPath + "/batch/update";
    private const string ReadPath = HubSpotWire.ContactsPath + "/batch/read";
    private readonly WireMockServer _server = WireMockServer.Start();

    private Uri BaseUrl => new(_server.Urls[0]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    private static SourceRef Contact(string id) => new(SourceSystem.HubSpot, "contact", id);

    private static ContactUpdate Update(string id, long version, string score = "42") =>
        new("person-" + id, Contact(id), new Dictionary<string, string> { ["syncbridge_score"] = score }, version);

    private List<JsonElement> Inputs(string path) => _server.LogEntries
        .Where(entry => entry.RequestMessage.Path == path)
        .OrderBy(entry => entry.RequestMessage.DateTime)
        .Select(entry => JsonDocument.Parse(entry.RequestMessage.Body!).RootElement.GetProperty("inputs"))
        .ToList();

    private void RespondUpdatesOk() =>
        _server.Given(Request.Create().WithPath(UpdatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody("""{"status":"COMPLETE","results":[]}"""));

    [Fact]
    public async Task Write_EachUpdate_CarriesItsVersionInTheSameInput()
    {
        RespondUpdatesOk();
        using var host = HubSpotTestHost.Create(BaseUrl);

        await host.Sink.WriteAsync([Update("11", 7), Update("12", 9001)], Ct);

        var input = Assert.Single(Inputs(UpdatePath)).EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("properties"));
        Assert.Equal("7", input["11"].GetProperty("syncbridge_version").GetString());
        Assert.Equal("42", input["11"].GetProperty("syncbridge_score").GetString());
        Assert.Equal("9001", input["12"].GetProperty("syncbridge_version").GetString());
    }

    [Fact]
    public async Task Write_TwoUpdatesOfOneContactOutOfOrder_WritesTheHighestVersionLast()
    {
        RespondUpdatesOk();
        using var host = HubSpotTestHost.Create(BaseUrl);

        await host.Sink.WriteAsync([Update("11", 5, "50"), Update("11", 3, "30")], Ct);

        var batches = Inputs(UpdatePath);
        Assert.Equal(2, batches.Count);
        Assert.Equal(["3", "5"], batches.Select(batch => Assert.Single(batch.EnumerateArray()).GetProperty("properties").GetProperty("syncbridge_version").GetString()));
        Assert.Equal("50", Assert.Single(batches[1].EnumerateArray()).GetProperty("properties").GetProperty("syncbridge_score").GetString());
    }

    [Fact]
    public async Task ReadVersions_250Contacts_BatchReadsTheMarkerInChunksOf100()
    {
        _server.Given(Request.Create().WithPath(ReadPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody("""{"status":"COMPLETE","results":[]}"""));
        using var host = HubSpotTestHost.Create(BaseUrl);
        var targets = Enumerable.Range(1, 250).Select(i => Contact(i.ToString(CultureInfo.InvariantCulture))).ToList();

        await host.Sink.ReadVersionsAsync(targets, Ct);

        var bodies = _server.LogEntries.Select(entry => JsonDocument.Parse(entry.RequestMessage.Body!).RootElement).ToList();
        Assert.Equal([100, 100, 50], bodies.Select(body => body.GetProperty("inputs").GetArrayLength()));
        Assert.All(bodies, body => Assert.Equal(["syncbridge_version"], body.GetProperty("properties").EnumerateArray().Select(p => p.GetString())));
        Assert.Equal(
            targets.Select(t => t.Id).ToHashSet(),
            bodies.SelectMany(body => body.GetProperty("inputs").EnumerateArray()).Select(input => input.GetProperty("id").GetString()!).ToHashSet());
    }

    [Fact]
    public async Task ReadVersions_MixedAnswers_ReturnsOnlyContactsHoldingAMarker()
    {
        _server.Given(Request.Create().WithPath(ReadPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(207)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""
                {"status":"COMPLETE","results":[
                  {"id":"1","properties":{"hs_object_id":"1","syncbridge_version":"17"}},
                  {"id":"2","properties":{"hs_object_id":"2","syncbridge_version":"18.0"}},
                  {"id":"3","properties":{"hs_object_id":"3","syncbridge_version":null}},
                  {"id":"4","properties":{"hs_object_id":"4","syncbridge_version":""}},
                  {"id":"5","properties":{"hs_object_id":"5"}}],
                 "numErrors":1,
                 "errors":[{"status":"error","category":"OBJECT_NOT_FOUND","message":"Could not get some CONTACT objects","context":{"ids":["6"]}}]}
                """));
        using var host = HubSpotTestHost.Create(BaseUrl);
        var salesforce = new SourceRef(SourceSystem.Salesforce, "Lead", "00Q000000000001AAA");

        var versions = await host.Sink.ReadVersionsAsync([Contact("1"), Contact("2"), Contact("3"), Contact("4"), Contact("5"), Contact("6"), salesforce], Ct);

        Assert.Equal(2, versions.Count);
        Assert.Equal(17, versions[Contact("1")]);
        Assert.Equal(18, versions[Contact("2")]);
        var sent = JsonDocument.Parse(Assert.Single(_server.LogEntries).RequestMessage.Body!).RootElement.GetProperty("inputs");
        Assert.Equal(6, sent.GetArrayLength());
    }

    [Fact]
    public async Task ReadVersions_NoHubSpotTargets_CallsNothing()
    {
        using var host = HubSpotTestHost.Create(BaseUrl);

        var versions = await host.Sink.ReadVersionsAsync([new SourceRef(SourceSystem.HubSpot, "contact", "not-a-number")], Ct);

        Assert.Empty(versions);
        Assert.Empty(_server.LogEntries);
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("42.0", 42L)]
    [InlineData("-1", -1L)]
    [InlineData("4.5", null)]
    [InlineData("", null)]
    [InlineData("abc", null)]
    public void ParseVersion_HubSpotNumberText_GivesWholeNumbersOnly(string text, long? expected)
    {
        Assert.Equal(expected, HubSpotContactSink.ParseVersion(text));
    }
}
