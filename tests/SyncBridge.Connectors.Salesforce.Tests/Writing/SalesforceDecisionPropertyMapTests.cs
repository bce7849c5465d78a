using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Tests.Support;
using SyncBridge.Connectors.Salesforce.Writing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncBridge.Connectors.Salesforce.Tests.Writing;

public sealed class SalesforceDecisionPropertyMapTests
{
    private static PersonDecision Decision(double score = 61.25) => new()
    {
        PersonId = "person-1",
        Email = "ada@example.org",
        Stage = LifecycleStage.SalesQualifiedLead,
        Score = score,
        Hot = true,
        Marketing = MarketingStatus.NonMarketing,
        Reasons = MarketingReasons.Dormant,
    };

    private static SalesforceDecisionPropertyMap Map(Action<SalesforceWriteBackOptions>? configure = null)
    {
        var options = new SalesforceOptions();
        configure?.Invoke(options.WriteBack);
        return new SalesforceDecisionPropertyMap(Options.Create(options));
    }

    [Theory]
    [InlineData("Lead")]
    [InlineData("Contact")]
    public void Map_DefaultWriteBack_GivesTheFourWriteBackKeys(string objectType)
    {
        var properties = Map().Map(Decision(), objectType);

        Assert.Equal("salesqualifiedlead", properties[SalesforceWriteBackKeys.LifecycleStage]);
        Assert.Equal("61.25", properties[SalesforceWriteBackKeys.Score]);
        Assert.Equal("true", properties[SalesforceWriteBackKeys.HotLead]);
        Assert.Equal("non_marketing", properties[SalesforceWriteBackKeys.MarketingDecision]);
        Assert.Equal(4, properties.Count);
    }

    [Fact]
    public void Map_FieldsSwitchedOff_LeavesTheirKeysOut()
    {
        var properties = Map(writeBack =>
        {
            writeBack.ScoreField = string.Empty;
            writeBack.MarketingDecisionField = "  ";
        }).Map(Decision(), "Lead");

        Assert.Equal([SalesforceWriteBackKeys.HotLead, SalesforceWriteBackKeys.LifecycleStage], properties.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Map_ScoreUnderAnotherCulture_IsInvariantWithTwoDecimals()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal("1234.57", Map().Map(Decision(1234.5678), "Lead")[SalesforceWriteBackKeys.Score]);
            Assert.Equal("0.00", Map().Map(Decision(-0.0001), "Lead")[SalesforceWriteBackKeys.Score]);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Map_UnsupportedObjectType_GivesNothing()
    {
        Assert.Empty(Map().Map(Decision(), "Account"));
    }

    [Fact]
    public async Task Map_Output_IsAcceptedByTheSinkAndLandsInTheConfiguredFields()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ContractFiles.TokenResponse(ContractFiles.AuthSuccess, server.Url!)));
        server.Given(Request.Create().WithPath("/services/data/v65.0/composite/sobjects").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""[{"id":"00QSim000000000001","success":true,"errors":[]}]"""));
        using var services = SalesforceTestServices.Build(server.Url!, new Dictionary<string, string?> { ["SyncBridge:Salesforce:WriteBack:HotLeadField"] = "Hot__c" });
        var map = Assert.Single(services.GetServices<IDecisionPropertyMap>());
        var sink = services.GetServices<IContactSink>().Single();
        var target = new SourceRef(SourceSystem.Salesforce, "Lead", "00QSim000000000001");

        var result = Assert.Single(await sink.WriteAsync([new ContactUpdate("person-1", target, map.Map(Decision(), "Lead"), 3)], TestContext.Current.CancellationToken));

        Assert.Equal(SourceSystem.Salesforce, map.System);
        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        using var sent = JsonDocument.Parse(server.LogEntries.Single(e => e.RequestMessage.Method == "PATCH").RequestMessage.Body!);
        var record = Assert.Single(sent.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal(61.25m, record.GetProperty("SyncBridge_Score__c").GetDecimal());
        Assert.True(record.GetProperty("Hot__c").GetBoolean());
        Assert.Equal("salesqualifiedlead", record.GetProperty("SyncBridge_Lifecycle_Stage__c").GetString());
        Assert.Equal("non_marketing", record.GetProperty("SyncBridge_Marketing_Decision__c").GetString());
        Assert.Equal(3, record.GetProperty("SyncBridge_Version__c").GetInt64());
    }

    [Theory]
    [InlineData("Lead")]
    [InlineData("Contact")]
    public void ScoreProperty_ScoreFieldOn_IsTheScoreKeyTheMapWrites(string objectType)
    {
        IDecisionPropertyMap map = Map();

        var score = map.ScoreProperty(objectType);

        Assert.Equal(SalesforceWriteBackKeys.Score, score);
        Assert.Equal("61.25", map.Map(Decision(), objectType)[score!]);
    }

    [Fact]
    public void ScoreProperty_ScoreFieldOffOrUnsupportedObject_IsNone()
    {
        IDecisionPropertyMap off = Map(w => w.ScoreField = string.Empty);

        Assert.Null(off.ScoreProperty("Lead"));
        Assert.Null(((IDecisionPropertyMap)Map()).ScoreProperty("Account"));
    }
}
