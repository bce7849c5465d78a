using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.HubSpot.Configuration;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;

namespace SyncBridge.Connectors.HubSpot.Tests.Configuration;

public sealed class HubSpotOptionsValidatorTests
{
    private static OptionsValidationException Failure(Action<Dictionary<string, string?>> configure)
    {
        using var host = HubSpotTestHost.Create(new Uri("http://127.0.0.1:9"), configure);
        return Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<HubSpotOptions>>().Value);
    }

    [Fact]
    public void Validate_NoCredentials_NamesTheSetting()
    {
        var error = Failure(settings => settings["SyncBridge:HubSpot:AccessToken"] = null);

        Assert.Contains(error.Failures, failure => failure.Contains("SyncBridge:HubSpot:AccessToken", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TokenAndOAuthBoth_Fails()
    {
        var error = Failure(settings =>
        {
            settings["SyncBridge:HubSpot:OAuth:RefreshToken"] = "r";
            settings["SyncBridge:HubSpot:OAuth:ClientId"] = "c";
            settings["SyncBridge:HubSpot:OAuth:ClientSecret"] = "s";
        });

        Assert.Contains(error.Failures, failure => failure.Contains("both set", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOne()
    {
        var error = Failure(settings =>
        {
            settings["SyncBridge:HubSpot:ApiGeneration"] = "v4";
            settings["SyncBridge:HubSpot:AccountTimeZone"] = "Mars/Olympus";
            settings["SyncBridge:HubSpot:PageSize"] = "500";
            settings["SyncBridge:HubSpot:CircuitBreakerBreakDuration"] = "00:00:00.100";
        });

        Assert.Contains(error.Failures, failure => failure.Contains("SyncBridge:HubSpot:ApiGeneration", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("SyncBridge:HubSpot:AccountTimeZone", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("PageSize", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("SyncBridge:HubSpot:CircuitBreakerBreakDuration", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        using var host = HubSpotTestHost.Create(new Uri("http://127.0.0.1:9"));

        var options = host.Services.GetRequiredService<IOptions<HubSpotOptions>>().Value;

        Assert.Equal(HubSpotApiGeneration.Dated202609, options.Generation);
        Assert.Equal(200, options.SearchPageSize);
    }

    [Fact]
    public void AddHubSpot_CalledTwice_RegistersOnce()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(HubSpotTestHost.FastSettings(new Uri("http://127.0.0.1:9"))).Build();
        var services = new ServiceCollection();

        services.AddHubSpot(configuration);
        var count = services.Count;
        services.AddHubSpot(configuration);

        Assert.Equal(count, services.Count);
    }
}
