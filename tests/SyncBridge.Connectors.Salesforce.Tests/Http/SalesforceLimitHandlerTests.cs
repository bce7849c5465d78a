using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Diagnostics;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.Salesforce.Tests.Http;

public sealed class SalesforceLimitHandlerTests : IDisposable
{
    private const string QueryPath = "/services/data/v65.0/query";

    // Salesforce's top-level error shape (as in expired_session_response.json) with the limit code; no contract file carries it.
    private const string LimitExceededBody = """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""";

    private readonly WireMockServer _server = WireMockServer.Start();

    public SalesforceLimitHandlerTests() =>
        _server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(ContractFiles.TokenResponse(ContractFiles.AuthSuccess, _server.Url!)));

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Query_ResponseCarriesLimitInfo_ExposesTheUsageAsAMetric()
    {
        StubQuery(200, ContractFiles.Read(ContractFiles.QueryEmpty), "api-usage=18/5000");
        using var services = SalesforceTestServices.Build(_server.Url!);
        var metrics = services.GetRequiredService<SalesforceMetrics>();
        using var usage = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), SalesforceMetrics.MeterName, "syncbridge.salesforce.api_usage");
        using var limit = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), SalesforceMetrics.MeterName, "syncbridge.salesforce.api_limit");

        await QueryAsync(services);
        usage.RecordObservableInstruments();
        limit.RecordObservableInstruments();

        Assert.Equal(18, metrics.Used);
        Assert.Equal(18, usage.LastMeasurement?.Value);
        Assert.Equal(5000, limit.LastMeasurement?.Value);
    }

    [Fact]
    public async Task Query_ShareOfTheAllocationWouldBeReached_StopsBeforeCallingAndSaysWhy()
    {
        StubQuery(200, ContractFiles.Read(ContractFiles.QueryEmpty), "api-usage=49/100");
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:DailyAllocationShare"] = "0.5" });

        await QueryAsync(services);
        var stop = await Assert.ThrowsAsync<SalesforceLimitException>(() => QueryAsync(services));

        Assert.Equal(SalesforceLimitReason.AllocationShareReached, stop.Reason);
        Assert.Equal(49, stop.Used);
        Assert.Equal(100, stop.Limit);
        Assert.Single(_server.LogEntries, e => e.RequestMessage.Path == QueryPath);
    }

    [Fact]
    public async Task Query_BelowTheShare_KeepsCalling()
    {
        StubQuery(200, ContractFiles.Read(ContractFiles.QueryEmpty), "api-usage=48/100");
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:DailyAllocationShare"] = "0.5" });

        await QueryAsync(services);
        await QueryAsync(services);

        Assert.Equal(2, _server.LogEntries.Count(e => e.RequestMessage.Path == QueryPath));
    }

    [Fact]
    public async Task Query_RequestLimitExceeded_ThrowsTheTypedStopAndIsNeverRetried()
    {
        StubQuery(403, LimitExceededBody, "api-usage=100000/100000");
        using var services = SalesforceTestServices.Build(_server.Url!);

        var stop = await Assert.ThrowsAsync<SalesforceLimitException>(() => QueryAsync(services));

        Assert.Equal(SalesforceLimitReason.RequestLimitExceeded, stop.Reason);
        Assert.Contains("TotalRequests Limit exceeded", stop.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries, e => e.RequestMessage.Path == QueryPath);
    }

    [Fact]
    public async Task Query_ServerErrorOnce_RetriesAndSucceeds()
    {
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("upstream unavailable"));
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ContractFiles.Read(ContractFiles.QueryEmpty)));
        using var services = SalesforceTestServices.Build(_server.Url!);

        var result = await QueryAsync(services);

        Assert.True(result.Done);
        Assert.Equal(2, _server.LogEntries.Count(e => e.RequestMessage.Path == QueryPath));
    }

    [Fact]
    public async Task Query_ServerErrorEveryTime_GivesUpAfterTheConfiguredRetries()
    {
        StubQuery(500, """[{"message":"An unexpected error occurred.","errorCode":"UNKNOWN_EXCEPTION"}]""", null);
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:RetryCount"] = "2" });

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => QueryAsync(services));

        Assert.True(error.IsTransient);
        Assert.Equal("UNKNOWN_EXCEPTION", error.ErrorCode);
        Assert.Equal(3, _server.LogEntries.Count(e => e.RequestMessage.Path == QueryPath));
    }

    [Fact]
    public async Task Query_MoreCallsThanTheConcurrencyCap_RunAtMostCapAtOnce()
    {
        _server.Given(Request.Create().WithPath(QueryPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(ContractFiles.Read(ContractFiles.QueryEmpty)).WithDelay(TimeSpan.FromMilliseconds(300)));
        using var services = SalesforceTestServices.Build(_server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:MaxConcurrentRequests"] = "2" });
        await services.GetRequiredService<Salesforce.Auth.SalesforceSessionProvider>().GetSessionAsync(TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => QueryAsync(services)));

        // Six 300 ms calls, two at a time: at least three rounds.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(850), $"took {clock.Elapsed}");
    }

    private void StubQuery(int status, string body, string? limitInfo)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        if (limitInfo is not null)
        {
            response = response.WithHeader("Sforce-Limit-Info", limitInfo);
        }

        _server.Given(Request.Create().WithPath(QueryPath).UsingGet()).RespondWith(response);
    }

    private static async Task<SalesforceQueryResult> QueryAsync(IServiceProvider services) =>
        SalesforceResponses.Ensure(await services.GetRequiredService<ISalesforceApi>()
            .QueryAsync("65.0", "SELECT Id FROM Lead", "batchSize=2000", TestContext.Current.CancellationToken));
}
