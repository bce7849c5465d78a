using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncBridge.Connectors.Salesforce.Tests.Support;

/// <summary>A service provider with the real AddSalesforce registration, pointed at a WireMock server or the simulator.</summary>
internal static class SalesforceTestServices
{
    public static ServiceProvider Build(string loginUrl, IDictionary<string, string?>? overrides = null, TimeProvider? timeProvider = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SyncBridge:Salesforce:LoginUrl"] = loginUrl,
            ["SyncBridge:Salesforce:ClientId"] = "syncbridge-simulator",
            ["SyncBridge:Salesforce:ClientSecret"] = "simulator-secret",
            ["SyncBridge:Salesforce:RetryCount"] = "2",
            ["SyncBridge:Salesforce:RetryBaseDelay"] = "00:00:00.010",
            ["SyncBridge:Salesforce:AttemptTimeout"] = "00:00:20",
            ["SyncBridge:Salesforce:TotalTimeout"] = "00:01:00",
        };
        if (overrides is not null)
        {
            foreach (var (key, value) in overrides)
            {
                settings[key] = value;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSalesforce(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
