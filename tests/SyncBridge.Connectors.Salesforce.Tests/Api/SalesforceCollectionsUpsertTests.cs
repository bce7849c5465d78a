using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Simulators.Salesforce;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.Salesforce.Tests.Api;

public sealed class SalesforceCollectionsUpsertTests
{
    [Fact]
    public async Task UpsertCollection_UnknownExternalIdField_ThrowsTheContractsNotFoundError()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ContractFiles.TokenResponse(ContractFiles.AuthSuccess, server.Url!)));
        server.Given(Request.Create().WithPath("/services/data/v65.0/composite/sobjects/Lead/Namez").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody(ContractFiles.Read(ContractFiles.UpsertError)));
        using var services = SalesforceTestServices.Build(server.Url!);
        var api = services.GetRequiredService<ISalesforceApi>();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(async () => SalesforceResponses.Ensure(await api.UpsertCollectionAsync(
            "65.0", "Lead", "Namez", new SalesforceCollectionRequest { Records = [] }, TestContext.Current.CancellationToken)));

        Assert.Equal("NOT_FOUND", error.ErrorCode);
        Assert.Contains("Namez", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertCollection_ByExternalId_UpdatesTheMatchAndCreatesTheRest()
    {
        await using var sim = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = 3 }, TestContext.Current.CancellationToken);
        var existing = sim.RecordIds("Lead")[0];
        sim.UpdateRecord(existing, new Dictionary<string, object?> { ["SyncBridge_Key__c"] = "p-1" });
        using var services = SalesforceTestServices.Build(sim.BaseUrl.ToString());
        var api = services.GetRequiredService<ISalesforceApi>();
        var request = new SalesforceCollectionRequest
        {
            Records =
            [
                new Dictionary<string, object?> { ["attributes"] = new Dictionary<string, string> { ["type"] = "Lead" }, ["SyncBridge_Key__c"] = "p-1", ["Title"] = "CFO" },
                new Dictionary<string, object?> { ["attributes"] = new Dictionary<string, string> { ["type"] = "Lead" }, ["SyncBridge_Key__c"] = "p-2", ["LastName"] = "Kato", ["Company"] = "Fuji Data" },
            ],
        };

        var results = SalesforceResponses.Ensure(await api.UpsertCollectionAsync("65.0", "Lead", "SyncBridge_Key__c", request, TestContext.Current.CancellationToken));
        var limits = SalesforceResponses.Ensure(await api.GetLimitsAsync("65.0", TestContext.Current.CancellationToken));

        Assert.Equal([false, true], results.Select(r => r.Created ?? false));
        Assert.Equal(existing, results[0].Id);
        Assert.Equal("CFO", sim.GetRecord(existing)!["Title"]);
        Assert.Equal("Kato", sim.GetRecord(results[1].Id!)!["LastName"]);
        Assert.Equal(4, sim.RecordIds("Lead").Count);
        Assert.Equal(sim.Options.DailyApiLimit, limits["DailyApiRequests"].Max);
        Assert.Equal(sim.Options.DailyApiLimit - sim.Stats.ApiUsage, limits["DailyApiRequests"].Remaining);
    }
}
