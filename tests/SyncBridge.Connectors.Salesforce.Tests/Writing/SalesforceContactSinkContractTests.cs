using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Connectors.Salesforce.Writing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.Salesforce.Tests.Writing;

public sealed class SalesforceContactSinkContractTests : IDisposable
{
    private const string CollectionsPath = "/services/data/v65.0/composite/sobjects";
    private readonly WireMockServer _server = WireMockServer.Start();

    public SalesforceContactSinkContractTests() =>
        _server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(Json(200, ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!)));

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Write_MixedPerRecordResults_EachUpdateGetsItsOwnOutcome()
    {
        // First element: the contract's success result; the two failures use the per-record shape {statusCode, message, fields}
        // that no contract file carries.
        var body = new JsonArray(
            ContractFiles.ReadNode(ContractFiles.CreateSuccess),
            JsonNode.Parse("""{"id":"00QSim000000000002","success":false,"errors":[{"statusCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record","fields":[]}]}"""),
            JsonNode.Parse("""{"id":"003Sim000000000003","success":false,"errors":[{"statusCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","message":"Score must be below 1000","fields":["SyncBridge_Score__c"]}]}"""));
        _server.Given(Request.Create().WithPath(CollectionsPath).UsingPatch()).RespondWith(Json(200, body.ToJsonString()));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var sink = services.GetServices<IContactSink>().Single(s => s.System == SourceSystem.Salesforce);
        var updates = new[]
        {
            Update("00QSim000000000001", "Lead", new() { [SalesforceWriteBackKeys.Score] = "42", [SalesforceWriteBackKeys.HotLead] = "true" }),
            Update("00QSim000000000002", "Lead", new() { [SalesforceWriteBackKeys.LifecycleStage] = "salesqualifiedlead" }),
            Update("003Sim000000000003", "Contact", new() { [SalesforceWriteBackKeys.Score] = "1200", [SalesforceWriteBackKeys.MarketingDecision] = "" }),
        };

        var results = await sink.WriteAsync(updates, TestContext.Current.CancellationToken);

        Assert.Equal(WriteOutcome.Applied, results.Single(r => r.Update == updates[0]).Outcome);
        var locked = results.Single(r => r.Update == updates[1]);
        Assert.Equal(WriteOutcome.Transient, locked.Outcome);
        Assert.Contains("UNABLE_TO_LOCK_ROW", locked.Error, StringComparison.Ordinal);
        var invalid = results.Single(r => r.Update == updates[2]);
        Assert.Equal(WriteOutcome.Rejected, invalid.Outcome);
        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION: Score must be below 1000 [SyncBridge_Score__c]", invalid.Error);

        using var sent = JsonDocument.Parse(_server.LogEntries.Single(e => e.RequestMessage.Path == CollectionsPath).RequestMessage.Body!);
        Assert.False(sent.RootElement.GetProperty("allOrNone").GetBoolean());
        var records = sent.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal("Lead", records[0].GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal("00QSim000000000001", records[0].GetProperty("Id").GetString());
        Assert.Equal(42m, records[0].GetProperty("SyncBridge_Score__c").GetDecimal());
        Assert.True(records[0].GetProperty("SyncBridge_Hot_Lead__c").GetBoolean());
        Assert.Equal(1, records[0].GetProperty("SyncBridge_Version__c").GetInt64());
        Assert.Equal(5, records[0].EnumerateObject().Count());
        Assert.Equal("salesqualifiedlead", records[1].GetProperty("SyncBridge_Lifecycle_Stage__c").GetString());
        Assert.Equal(JsonValueKind.Null, records[2].GetProperty("SyncBridge_Marketing_Decision__c").ValueKind);
    }

    [Fact]
    public async Task Write_TopLevelError_FailsTheWholeCall()
    {
        _server.Given(Request.Create().WithPath(CollectionsPath).UsingPatch()).RespondWith(Json(400, ContractFiles.Read(ContractFiles.WriteError)));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var sink = services.GetServices<IContactSink>().Single();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            sink.WriteAsync([Update("00QSim000000000001", "Lead", new() { ["Title"] = "CTO" })], TestContext.Current.CancellationToken));

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Contains("No such column 'foo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_TargetsNotWritable_RejectedWithoutACall()
    {
        using var services = SalesforceTestServices.Build(_server.Url!);
        var sink = services.GetServices<IContactSink>().Single();
        var updates = new[]
        {
            new ContactUpdate("p1", new SourceRef(SourceSystem.HubSpot, "contact", "123"), new Dictionary<string, string> { ["Title"] = "CTO" }, 1),
            Update("001Sim000000000001", "Account", new() { ["Name"] = "Acme" }),
            Update("00QSim000000000001", "Lead", new() { ["Account.Name"] = "Acme" }),
            Update("00QSim000000000001", "Lead", new() { [SalesforceWriteBackKeys.Score] = "high" }),
        };

        var results = await sink.WriteAsync(updates, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(WriteOutcome.Rejected, r.Outcome));
        Assert.Equal(4, results.Count);
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage.Path == CollectionsPath);
    }

    private static ContactUpdate Update(string id, string type, Dictionary<string, string> properties) =>
        new("person-" + id, new SourceRef(SourceSystem.Salesforce, type, id), properties, 1);

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}
