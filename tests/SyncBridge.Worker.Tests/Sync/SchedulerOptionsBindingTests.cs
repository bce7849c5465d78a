using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Worker.Sync;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>Per-source schedules are found by the full source name, colons included (hubspot:forms, csv:dropfolder).</summary>
public sealed class SchedulerOptionsBindingTests
{
    private static ServiceProvider Services(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();
        services.AddSync(configuration, new ConnectorSelection(HubSpotConfigured: false, SalesforceConfigured: false, SimulatorsEnabled: false));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Options_SourceNamesWithColons_AreKeyedByTheWholeName()
    {
        using var provider = Services("""{"SyncBridge":{"Scheduler":{"Sources":{"hubspot:forms":"0 0/15 * * * ?","csv:dropfolder":"0 0/1 * * * ?"}}}}""");

        var sources = provider.GetRequiredService<IOptions<SchedulerOptions>>().Value.Sources;

        Assert.Equal("0 0/15 * * * ?", sources["hubspot:forms"]);
        Assert.Equal("0 0/1 * * * ?", sources["CSV:DropFolder"]);
    }

    [Fact]
    public void Options_BadCronUnderAColonName_FailsNamingTheSetting()
    {
        using var provider = Services("""{"SyncBridge":{"Scheduler":{"Sources":{"hubspot:forms":"every now and then"}}}}""");

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SchedulerOptions>>().Value);

        Assert.Contains("SyncBridge:Scheduler:Sources:hubspot:forms", failure.Message, StringComparison.Ordinal);
    }
}
