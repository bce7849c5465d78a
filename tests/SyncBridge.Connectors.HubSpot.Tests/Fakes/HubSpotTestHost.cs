using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.HubSpot.Tests.Fakes;

/// <summary>
/// The connector exactly as AddHubSpot registers it (real Refit clients, real pipeline), pointed at a test
/// server, with delays shortened to milliseconds.
/// </summary>
public sealed class HubSpotTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    private HubSpotTestHost(ServiceProvider provider) => _provider = provider;

    public IServiceProvider Services => _provider;

    public static Dictionary<string, string?> FastSettings(Uri baseUrl) => new(StringComparer.Ordinal)
    {
        ["SyncBridge:HubSpot:BaseUrl"] = baseUrl.ToString(),
        ["SyncBridge:HubSpot:AccessToken"] = "test-token",
        ["SyncBridge:HubSpot:RetryBaseDelay"] = "00:00:00.010",
        ["SyncBridge:HubSpot:RetryMaxDelay"] = "00:00:00.050",
        ["SyncBridge:HubSpot:RateLimitedDefaultDelay"] = "00:00:00.020",
        ["SyncBridge:HubSpot:AttemptTimeout"] = "00:00:05",
        ["SyncBridge:HubSpot:TotalTimeout"] = "00:01:00",
        ["SyncBridge:HubSpot:MaxRetries"] = "3",
        ["SyncBridge:HubSpot:CircuitBreakerMinimumThroughput"] = "100",
        ["SyncBridge:HubSpot:RequestsPer10Seconds"] = "10000",
        ["SyncBridge:HubSpot:HeadroomPercent"] = "0",
        ["SyncBridge:HubSpot:SearchRequestsPerSecond"] = "100",
    };

    public static HubSpotTestHost Create(Uri baseUrl, Action<Dictionary<string, string?>>? configure = null, TimeProvider? timeProvider = null)
    {
        var settings = FastSettings(baseUrl);
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddHubSpot(configuration);
        return new HubSpotTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    internal IHubSpotContactsApi Contacts => _provider.GetRequiredService<IHubSpotContactsApi>();

    internal IHubSpotPropertiesApi Properties => _provider.GetRequiredService<IHubSpotPropertiesApi>();

    internal HubSpotAccountContext Account => _provider.GetRequiredService<HubSpotAccountContext>();

    internal string ObjectsPath => Account.Paths.Objects;

    public HubSpotContactSource Source => _provider.GetRequiredService<HubSpotContactSource>();

    public HubSpotContactSink Sink => _provider.GetRequiredService<HubSpotContactSink>();

    public HubSpotMetrics Metrics => _provider.GetRequiredService<HubSpotMetrics>();

    public HubSpotDailyLimitGate DailyGate => _provider.GetRequiredService<HubSpotDailyLimitGate>();

    /// <summary>Reads every page of one run, saving the cursor after each page like the engine does.</summary>
    public async Task<List<ContactPage>> RunAsync(IStateStore store, CancellationToken cancellationToken = default)
    {
        var source = Source;
        var since = await store.GetCursorAsync(source.Name, cancellationToken);
        var pages = new List<ContactPage>();
        await foreach (var page in source.ReadChangesAsync(since, cancellationToken))
        {
            pages.Add(page);
            await store.SaveCursorAsync(source.Name, page.Cursor, cancellationToken);
        }

        return pages;
    }

    public void Dispose() => _provider.Dispose();
}
