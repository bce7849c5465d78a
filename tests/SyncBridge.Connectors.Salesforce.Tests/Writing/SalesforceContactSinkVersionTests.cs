using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Connectors.Salesforce.Writing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.Salesforce.Tests.Writing;

/// <summary>The version marker (WriteBack:VersionField): written with the merged update, read back with SOQL.</summary>
public sealed class SalesforceContactSinkVersionTests : IDisposable
{
    private const string CollectionsPath = "/services/data/v65.0/composite/sobjects";
    private const string QueryPath = "/services/data/v65.0/query";
    private readonly WireMockServer _server = WireMockServer.Start();

    public SalesforceContactSinkVersionTests() =>
        _server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(Json(200, ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!)));

    public void Dispose() => _server.Stop();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string LeadId(int i) => "00QSim" + i.ToString("D12", CultureInfo.InvariantCulture);

    private static string ContactId(int i) => "003Sim" + i.ToString("D12", CultureInfo.InvariantCulture);

    private static SourceRef Lead(string id) => new(SourceSystem.Salesforce, "Lead", id);

    private static ContactUpdate Update(SourceRef target, long version, Dictionary<string, string> properties) => new("person-1", target, properties, version);

    private static IContactSink Sink(ServiceProvider services) => services.GetServices<IContactSink>().Single(s => s.System == SourceSystem.Salesforce);

    private void RespondSaved(int records)
    {
        var results = string.Join(",", Enumerable.Range(0, records).Select(_ => """{"id":"x","success":true,"errors":[]}"""));
        _server.Given(Request.Create().WithPath(CollectionsPath).UsingPatch()).RespondWith(Json(200, "[" + results + "]"));
    }

    private List<string> Queries() => _server.LogEntries
        .Where(e => e.RequestMessage.Path == QueryPath)
        .Select(e => e.RequestMessage.Query!["q"].Single())
        .ToList();

    [Fact]
    public async Task Write_ThreeUpdatesOfOneRecordOutOfOrder_SendsOneRecordWithTheHighestVersionAndItsValues()
    {
        RespondSaved(1);
        using var services = SalesforceTestServices.Build(_server.Url!);
        var lead = Lead(LeadId(1));

        var results = await Sink(services).WriteAsync(
            [
                Update(lead, 7, new() { [SalesforceWriteBackKeys.LifecycleStage] = "salesqualifiedlead" }),
                Update(lead, 3, new() { [SalesforceWriteBackKeys.LifecycleStage] = "lead", [SalesforceWriteBackKeys.Score] = "10" }),
                Update(lead, 5, new() { [SalesforceWriteBackKeys.LifecycleStage] = "marketingqualifiedlead" }),
            ],
            Ct);

        Assert.All(results, r => Assert.Equal(WriteOutcome.Applied, r.Outcome));
        Assert.Equal(3, results.Count);
        using var sent = JsonDocument.Parse(_server.LogEntries.Single(e => e.RequestMessage.Path == CollectionsPath).RequestMessage.Body!);
        var record = Assert.Single(sent.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal(7, record.GetProperty("SyncBridge_Version__c").GetInt64());
        Assert.Equal("salesqualifiedlead", record.GetProperty("SyncBridge_Lifecycle_Stage__c").GetString());
        Assert.Equal(10m, record.GetProperty("SyncBridge_Score__c").GetDecimal());
    }

    [Fact]
    public async Task Write_CustomVersionField_WritesTheMarkerThere()
    {
        RespondSaved(1);
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:WriteBack:VersionField"] = "Sync_Rev__c" });

        await Sink(services).WriteAsync([Update(Lead(LeadId(1)), 12, new() { ["Title"] = "CTO" })], Ct);

        using var sent = JsonDocument.Parse(_server.LogEntries.Single(e => e.RequestMessage.Path == CollectionsPath).RequestMessage.Body!);
        var record = Assert.Single(sent.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal(12, record.GetProperty("Sync_Rev__c").GetInt64());
        Assert.False(record.TryGetProperty("SyncBridge_Version__c", out _));
    }

    [Fact]
    public async Task VersionFieldBlank_WritesNoMarkerAndReadsNothing()
    {
        RespondSaved(1);
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:WriteBack:VersionField"] = string.Empty });
        var sink = Sink(services);

        await sink.WriteAsync([Update(Lead(LeadId(1)), 12, new() { ["Title"] = "CTO" })], Ct);
        var versions = await sink.ReadVersionsAsync([Lead(LeadId(1))], Ct);

        using var sent = JsonDocument.Parse(_server.LogEntries.Single(e => e.RequestMessage.Path == CollectionsPath).RequestMessage.Body!);
        var record = Assert.Single(sent.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal(["attributes", "Id", "Title"], record.EnumerateObject().Select(p => p.Name));
        Assert.Empty(versions);
        Assert.Empty(Queries());
    }

    [Fact]
    public async Task ReadVersions_450LeadsAnd10Contacts_QueriesEachTypeInChunksOf200()
    {
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).RespondWith(Json(200, """{"totalSize":0,"done":true,"records":[]}"""));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var targets = Enumerable.Range(1, 450).Select(i => Lead(LeadId(i)))
            .Concat(Enumerable.Range(1, 10).Select(i => new SourceRef(SourceSystem.Salesforce, "Contact", ContactId(i))))
            .ToList();

        await Sink(services).ReadVersionsAsync(targets, Ct);

        var queries = Queries();
        Assert.Equal(4, queries.Count);
        Assert.Equal(3, queries.Count(q => q.StartsWith("SELECT Id, SyncBridge_Version__c FROM Lead WHERE Id IN (", StringComparison.Ordinal)));
        Assert.Single(queries, q => q.StartsWith("SELECT Id, SyncBridge_Version__c FROM Contact WHERE Id IN (", StringComparison.Ordinal));
        Assert.Equal(
            targets.Select(t => t.Id).Order(StringComparer.Ordinal),
            queries.SelectMany(q => q[(q.IndexOf('(', StringComparison.Ordinal) + 1)..^1].Split(", ")).Select(id => id.Trim('\'')).Order(StringComparer.Ordinal));
        Assert.All(queries, q => Assert.True(q.Split(", ").Length <= 201, "at most 200 ids per query"));
        Assert.All(_server.LogEntries.Where(e => e.RequestMessage.Path == QueryPath), e => Assert.True(e.RequestMessage.Url.Length < 16_000, "the query URL stays under Salesforce's limit"));
    }

    [Fact]
    public async Task ReadVersions_AnswerOverTwoPages_ParsesNumbersAndTextAndLeavesBlankOnesOut()
    {
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).RespondWith(Json(200, $$"""
            {"totalSize":5,"done":false,"nextRecordsUrl":"/services/data/v65.0/query/01gSim0000000001-2","records":[
              {"attributes":{"type":"Lead"},"Id":"{{LeadId(1)}}","SyncBridge_Version__c":41.0},
              {"attributes":{"type":"Lead"},"Id":"{{LeadId(2)}}","SyncBridge_Version__c":null}]}
            """));
        _server.Given(Request.Create().WithPath("/services/data/v65.0/query/01gSim0000000001-2").UsingGet()).RespondWith(Json(200, $$"""
            {"totalSize":5,"done":true,"records":[
              {"attributes":{"type":"Lead"},"Id":"{{LeadId(3)}}","SyncBridge_Version__c":"9"},
              {"attributes":{"type":"Lead"},"Id":"{{LeadId(4)}}","SyncBridge_Version__c":2.5},
              {"attributes":{"type":"Lead"},"Id":"{{LeadId(9)}}","SyncBridge_Version__c":99}]}
            """));
        using var services = SalesforceTestServices.Build(_server.Url!);

        var versions = await Sink(services).ReadVersionsAsync([Lead(LeadId(1)), Lead(LeadId(2)), Lead(LeadId(3)), Lead(LeadId(4)), Lead(LeadId(5))], Ct);

        Assert.Equal(2, versions.Count);
        Assert.Equal(41, versions[Lead(LeadId(1))]);
        Assert.Equal(9, versions[Lead(LeadId(3))]);
    }

    [Fact]
    public async Task ReadVersions_FifteenCharacterId_MatchesTheEighteenCharacterIdSalesforceAnswersWith()
    {
        var eighteen = LeadId(7);
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).RespondWith(Json(200, $$"""
            {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Lead"},"Id":"{{eighteen}}","SyncBridge_Version__c":5.0}]}
            """));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var fifteen = Lead(eighteen[..15]);

        var versions = await Sink(services).ReadVersionsAsync([fifteen], Ct);

        Assert.Equal(5, Assert.Single(versions, pair => pair.Key == fifteen).Value);
        Assert.Contains("'" + eighteen[..15] + "'", Assert.Single(Queries()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadVersions_TargetsNotInSalesforce_CallsNothing()
    {
        using var services = SalesforceTestServices.Build(_server.Url!);

        var versions = await Sink(services).ReadVersionsAsync(
            [new SourceRef(SourceSystem.HubSpot, "contact", "101"), new SourceRef(SourceSystem.Salesforce, "Account", "001Sim000000000001"), Lead("not-an-id")],
            Ct);

        Assert.Empty(versions);
        Assert.Empty(_server.LogEntries);
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}
