using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Connectors.HubSpot.Tests.Sync;

public sealed class HubSpotDecisionPropertyMapTests
{
    private static readonly HubSpotDecisionPropertyMap Map = new();

    private static PersonDecision Decision(double score = 42.5, bool hot = true) => new()
    {
        PersonId = "person-1",
        Email = "ada@example.org",
        Stage = LifecycleStage.MarketingQualifiedLead,
        Score = score,
        Hot = hot,
        Marketing = MarketingStatus.Marketing,
        Reasons = MarketingReasons.Hot | MarketingReasons.Engaged,
    };

    [Fact]
    public void Map_MarketingDecision_GivesLifecycleStageAndSyncBridgeProperties()
    {
        var properties = Map.Map(Decision(), "contact");

        Assert.Equal("marketingqualifiedlead", properties["lifecyclestage"]);
        Assert.Equal("marketing", properties["syncbridge_marketing_decision"]);
        Assert.Equal("hot;engaged", properties["syncbridge_marketing_reason"]);
        Assert.Equal("42.50", properties["syncbridge_score"]);
        Assert.Equal("true", properties["syncbridge_hot_lead"]);
        Assert.Equal(string.Empty, properties["syncbridge_segments"]);
        Assert.Equal(6, properties.Count);
    }

    [Fact]
    public void Map_NonMarketingExcluded_GivesNonMarketingWithItsReasonsAndNeverMarketableStatus()
    {
        var decision = Decision(hot: false) with { Marketing = MarketingStatus.NonMarketing, Reasons = MarketingReasons.HardBounce | MarketingReasons.RoleAddress };

        var properties = Map.Map(decision, "contact");

        Assert.Equal("non_marketing", properties["syncbridge_marketing_decision"]);
        Assert.Equal("hard_bounce;role_address", properties["syncbridge_marketing_reason"]);
        Assert.Equal("false", properties["syncbridge_hot_lead"]);
        Assert.DoesNotContain(properties.Keys, name => name.StartsWith("hs_marketable", StringComparison.Ordinal));
        Assert.DoesNotContain(HubSpotPropertyBootstrapper.Version, properties.Keys);
    }

    [Theory]
    [InlineData(0.0, "0.00")]
    [InlineData(-0.001, "0.00")]
    [InlineData(12.345, "12.35")]
    [InlineData(12.344999, "12.34")]
    [InlineData(99.999, "100.00")]
    [InlineData(-3.5, "-3.50")]
    public void Map_Score_IsInvariantWithTwoDecimals(double score, string expected)
    {
        Assert.Equal(expected, Map.Map(Decision(score), "contact")["syncbridge_score"]);
    }

    [Fact]
    public void Map_EqualScoresUnderAnotherCulture_GiveEqualInvariantStrings()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var first = Map.Map(Decision(70.1), "contact")["syncbridge_score"];
            var second = Map.Map(Decision(70.1000000000001), "contact")["syncbridge_score"];

            Assert.Equal("70.10", first);
            Assert.Equal(first, second);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Map_NotFiniteScore_LeavesTheScoreOut()
    {
        Assert.DoesNotContain("syncbridge_score", Map.Map(Decision(double.NaN), "contact").Keys);
    }

    [Fact]
    public void Map_UndefinedStage_LeavesLifecycleStageOut()
    {
        Assert.DoesNotContain("lifecyclestage", Map.Map(Decision() with { Stage = default }, "contact").Keys);
    }

    [Fact]
    public void Map_OtherObjectType_GivesNothing()
    {
        Assert.Empty(Map.Map(Decision(), "company"));
    }

    [Fact]
    public void Map_SameDecisionTwice_GivesEqualProperties()
    {
        Assert.Equal(Map.Map(Decision(), "contact").OrderBy(p => p.Key, StringComparer.Ordinal), Map.Map(Decision(), "contact").OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void AddHubSpot_CalledTwice_RegistersOneHubSpotDecisionPropertyMap()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(HubSpotTestHost.FastSettings(new Uri("http://127.0.0.1:1"))).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHubSpot(configuration).AddHubSpot(configuration);
        using var provider = services.BuildServiceProvider();

        var map = Assert.Single(provider.GetServices<IDecisionPropertyMap>());
        Assert.Equal(SourceSystem.HubSpot, map.System);
    }

    [Fact]
    public void ScoreProperty_Contact_IsTheScorePropertyTheMapWritesAndNoneForOtherObjects()
    {
        IDecisionPropertyMap map = Map;

        var score = map.ScoreProperty("contact");

        Assert.Equal("syncbridge_score", score);
        Assert.Equal(Decision(score: 7).ScoreText, map.Map(Decision(score: 7), "contact")[score!]);
        Assert.Null(map.ScoreProperty("company"));
    }
}
