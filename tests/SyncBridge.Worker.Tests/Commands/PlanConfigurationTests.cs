using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncBridge.Core.Decisions;
using SyncBridge.Worker.Commands;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Tests.Commands;

public sealed class PlanConfigurationTests
{
    private static DecisionSettings Bind(params string[] files)
    {
        var builder = SyncBridgeHost.CreateBuilder(new HostSettings { ConfigFiles = files });
        PlanConfiguration.AddDecisionSettings(builder);
        using var host = SyncBridgeHost.BuildValidated(builder);
        return host.Services.GetRequiredService<DecisionSettings>();
    }

    [Fact]
    public void AddDecisionSettings_JsonLayer_BindsEverySectionOverDefaults()
    {
        var settings = Bind(PlanVerb.Data("settings.json"));

        Assert.Equal(5, settings.Billing.TierLimit);
        Assert.Equal(25, settings.Billing.RenewalDay);
        Assert.Equal([5, 10], settings.Billing.Tiers!.Select(t => t.Contacts));
        Assert.Equal(["syncbridge.example"], settings.Marketing.InternalDomains);
        Assert.Equal(["came-back", "hot", "jp-not-customers"], settings.Segments.Definitions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["customer"], settings.Segments.Definitions["jp-not-customers"].Not!.LifecycleStage);
        Assert.Equal(30, settings.Scoring.HalfLifeDays);
        Assert.Equal(15, settings.Scoring.SeniorityPoints["executive"]);
    }

    [Fact]
    public void AddDecisionSettings_SecondLayer_OverridesFirst()
    {
        var settings = Bind(PlanVerb.Data("settings.json"), PlanVerb.Data("budget-2.json"));
        Assert.Equal(2, settings.Billing.TierLimit);
        Assert.Equal(25, settings.Billing.RenewalDay);
    }

    [Fact]
    public void AddDecisionSettings_Twice_OneEngine()
    {
        var builder = SyncBridgeHost.CreateBuilder(new HostSettings());
        PlanConfiguration.AddDecisionSettings(builder);
        PlanConfiguration.AddDecisionSettings(builder);
        using var host = SyncBridgeHost.BuildValidated(builder);
        Assert.Single(host.Services.GetServices<DecisionEngine>());
    }
}
