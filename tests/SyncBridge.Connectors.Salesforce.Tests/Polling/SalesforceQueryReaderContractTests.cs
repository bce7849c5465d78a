using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Polling;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.Salesforce.Tests.Polling;

public sealed class SalesforceQueryReaderContractTests : IDisposable
{
    private const string QueryPath = "/services/data/v65.0/query";
    private const string QueryAllPath = "/services/data/v65.0/queryAll";
    private readonly WireMockServer _server = WireMockServer.Start();

    public SalesforceQueryReaderContractTests() =>
        _server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(Json(200, ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!)));

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task QueryMore_FourContractPages_FollowsNextRecordsUrlUntilDone()
    {
        StubQueryBatches(QueryPath);
        using var services = SalesforceTestServices.Build(_server.Url!);
        var api = services.GetRequiredService<ISalesforceApi>();

        var page = SalesforceResponses.Ensure(await api.QueryAsync("65.0", "SELECT Id FROM Contact", "batchSize=200", TestContext.Current.CancellationToken));
        var records = page.Records.Count;
        var calls = 1;
        while (!page.Done)
        {
            page = SalesforceResponses.Ensure(await api.QueryMoreAsync(page.NextRecordsUrl!.TrimStart('/'), "batchSize=200", TestContext.Current.CancellationToken));
            records += page.Records.Count;
            calls++;
        }

        Assert.Equal(page.TotalSize, records);
        Assert.Equal(4, calls);
        Assert.All(_server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith(QueryPath, StringComparison.Ordinal)),
            e => Assert.Equal("batchSize=200", e.RequestMessage.Headers!["Sforce-Query-Options"].Single()));
    }

    [Fact]
    public async Task ReadChanges_RecordsWithoutSystemModstamp_EachBecomesARecordErrorAndEveryPageIsRead()
    {
        StubQueryBatches(QueryPath);
        using var services = SalesforceTestServices.Build(_server.Url!);
        var source = services.GetServices<IContactSource>().Single(s => s.Name == SalesforceContactSource.SourceName);

        var pages = await ReadAllAsync(source, null);

        Assert.Equal(4, pages.Count);
        Assert.Empty(pages.SelectMany(p => p.Contacts));
        var errors = pages.SelectMany(p => p.Errors).ToList();
        Assert.Equal(800, errors.Count);
        Assert.All(errors, e => Assert.Equal("Contact 003XXXXXXXXXXXXXXX", e.Location));
        Assert.All(errors, e => Assert.Contains("SystemModstamp", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadChanges_QueryRefused_ThrowsTheTopLevelErrorCode()
    {
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).RespondWith(Json(400, ContractFiles.Read(ContractFiles.QueryError)));
        using var services = SalesforceTestServices.Build(_server.Url!);
        var source = services.GetServices<IContactSource>().Single(s => s.Name == SalesforceLeadSource.SourceName);

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => ReadAllAsync(source, null));

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task ReadChanges_DeletedWindowCoversTheCursor_ReportsDeletionsAndMovesTheWindow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2013, 5, 8, 22, 0, 0, TimeSpan.Zero));
        _server.Given(Request.Create().WithPath("/services/data/v65.0/sobjects/Lead/deleted/").UsingGet())
            .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Deleted)));
        _server.Given(Request.Create().WithPath(QueryAllPath).UsingGet()).RespondWith(Json(200, ContractFiles.Read(ContractFiles.QueryEmpty)));
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).RespondWith(Json(200, ContractFiles.Read(ContractFiles.QueryEmpty)));
        using var services = SalesforceTestServices.Build(_server.Url!, timeProvider: time);
        var source = services.GetServices<IContactSource>().Single(s => s.Name == SalesforceLeadSource.SourceName);
        var since = new SourceCursor(new DateTimeOffset(2013, 5, 4, 0, 0, 0, TimeSpan.Zero), "00QSim000000000001");

        var pages = await ReadAllAsync(source, since);

        var deletedId = ContractFiles.ReadNode(ContractFiles.Deleted)["deletedRecords"]![0]!["id"]!.GetValue<string>();
        Assert.Equal([new SourceRef(SourceSystem.Salesforce, "Lead", deletedId)], pages[0].Deleted);
        Assert.DoesNotContain(pages.SelectMany(p => p.Errors), e => e.Location == SalesforceQueryReader.ResyncLocation);
        Assert.Equal("del=2013-05-08T21:20:00.000Z", pages[^1].Cursor.State);
        Assert.Equal(since.Timestamp, pages[^1].Cursor.Timestamp);
        var deletedCall = _server.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("/deleted/", StringComparison.Ordinal));
        Assert.Equal("2013-05-04T00:00:00.000Z", deletedCall.RequestMessage.Query!["start"].Single());
        var soql = _server.LogEntries.Single(e => e.RequestMessage.Path == QueryPath).RequestMessage.Query!["q"].Single();
        Assert.Contains("WHERE (SystemModstamp > 2013-05-04T00:00:00.000Z OR (SystemModstamp = 2013-05-04T00:00:00.000Z AND Id > '00QSim000000000001'))", soql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY SystemModstamp ASC, Id ASC LIMIT", soql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadChanges_DeletedWindowStartsAfterTheCursor_SchedulesAFullResyncAndSaysSo()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2013, 5, 8, 22, 0, 0, TimeSpan.Zero));
        _server.Given(Request.Create().WithPath("/services/data/v65.0/sobjects/Contact/deleted/").UsingGet())
            .RespondWith(Json(200, ContractFiles.Read(ContractFiles.Deleted)));
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).RespondWith(Json(200, ContractFiles.Read(ContractFiles.QueryEmpty)));
        using var services = SalesforceTestServices.Build(_server.Url!, timeProvider: time);
        var source = services.GetServices<IContactSource>().Single(s => s.Name == SalesforceContactSource.SourceName);
        var since = new SourceCursor(new DateTimeOffset(2013, 4, 20, 0, 0, 0, TimeSpan.Zero), "003Sim000000000001");

        var pages = await ReadAllAsync(source, since);

        var resync = Assert.Single(pages.SelectMany(p => p.Errors));
        Assert.Equal(SalesforceQueryReader.ResyncLocation, resync.Location);
        Assert.Contains("full resync", resync.Message, StringComparison.Ordinal);
        var soql = _server.LogEntries.Single(e => e.RequestMessage.Path == QueryPath).RequestMessage.Query!["q"].Single();
        Assert.DoesNotContain("WHERE", soql, StringComparison.Ordinal);
        Assert.Equal("del=2013-05-08T22:00:00.000Z", pages[^1].Cursor.State);
    }

    private void StubQueryBatches(string firstPath)
    {
        var path = firstPath;
        for (var i = 1; i <= 4; i++)
        {
            var file = ContractFiles.QueryBatch.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var body = ContractFiles.Read(file);
            _server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Json(200, body));
            path = JsonNode.Parse(body)!["nextRecordsUrl"]?.GetValue<string>() ?? string.Empty;
        }
    }

    private static async Task<List<ContactPage>> ReadAllAsync(IContactSource source, SourceCursor? since)
    {
        var pages = new List<ContactPage>();
        await foreach (var page in source.ReadChangesAsync(since, TestContext.Current.CancellationToken))
        {
            pages.Add(page);
        }

        return pages;
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}
