using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Refit;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Configuration;
using SyncBridge.Connectors.HubSpot.Health;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Sync;
using SyncBridge.Core.Normalization;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Connectors.HubSpot;

public static class HubSpotServiceCollectionExtensions
{
    private static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Registers the HubSpot connector from section <c>SyncBridge:HubSpot</c>: validated options, the Refit clients
    /// behind the account's one shared resilience pipeline (rate limiters, retry, circuit breaker, timeouts), the
    /// auth handler, the contact and form-submission sources (the latter unless <c>ReadForms</c> is false), the sink, the decision property map, the property bootstrapper and the lifecycle operator.
    /// A second call is harmless.
    /// </summary>
    public static IServiceCollection AddHubSpot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(HubSpotAccountContext)))
        {
            return services;
        }

        var section = configuration.GetSection(HubSpotOptions.SectionName);
        services.AddOptionsWithValidateOnStart<HubSpotOptions>().Bind(section).ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<HubSpotMetrics>();
        services.TryAddSingleton(provider => new HubSpotAccountContext(provider.GetRequiredService<IOptions<HubSpotOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<HubSpotAccountContext>().DailyGate);
        services.TryAddSingleton<IHubSpotAccessTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<HubSpotOptions>>().Value.OAuth.IsConfigured
                ? ActivatorUtilities.CreateInstance<HubSpotOAuthTokenProvider>(provider)
                : ActivatorUtilities.CreateInstance<HubSpotStaticTokenProvider>(provider));
        services.TryAddTransient<HubSpotAuthHandler>();
        services.TryAddTransient<HubSpotRateLimitHandler>();

        var pipelineKey = "hubspot:" + (section[nameof(HubSpotOptions.AccountName)] ?? "default");
        services.AddResiliencePipeline<string, HttpResponseMessage>(pipelineKey, (builder, context) =>
        {
            var account = context.ServiceProvider.GetRequiredService<HubSpotAccountContext>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SyncBridge.Connectors.HubSpot.Resilience");
            HubSpotResiliencePipeline.Configure(builder, account, logger);
        });

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(WireJson));
        AddApi<IHubSpotContactsApi>(services, settings, pipelineKey);
        AddApi<IHubSpotPropertiesApi>(services, settings, pipelineKey);
        AddApi<IHubSpotFormsApi>(services, settings, pipelineKey);
        AddApi<IHubSpotCommunicationPreferencesApi>(services, settings, pipelineKey);
        services.AddRefitGeneratedClient<IHubSpotOAuthApi>(settings)
            .ConfigureHttpClient((provider, client) =>
            {
                var tokenUrl = provider.GetRequiredService<IOptions<HubSpotOptions>>().Value.OAuth.TokenUrl;
                client.BaseAddress = new Uri(tokenUrl.GetLeftPart(UriPartial.Authority));
            });

        services.AddSyncBridgeNormalization();
        services.TryAddSingleton(provider => new HubSpotContactMapper(provider.GetRequiredService<ContactNormalizer>()));
        services.TryAddSingleton(provider => new HubSpotContactSource(
            provider.GetRequiredService<IHubSpotContactsApi>(),
            provider.GetRequiredService<HubSpotAccountContext>(),
            provider.GetRequiredService<HubSpotContactMapper>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<HubSpotContactSource>>()));
        services.TryAddSingleton(provider => new HubSpotFormSubmissionMapper(provider.GetRequiredService<ContactNormalizer>()));
        services.TryAddSingleton(provider => new HubSpotFormSubmissionSource(
            provider.GetRequiredService<IHubSpotFormsApi>(),
            provider.GetRequiredService<HubSpotAccountContext>(),
            provider.GetRequiredService<HubSpotFormSubmissionMapper>(),
            provider.GetRequiredService<ILogger<HubSpotFormSubmissionSource>>()));
        services.TryAddSingleton(provider => new HubSpotContactSink(
            provider.GetRequiredService<IHubSpotContactsApi>(),
            provider.GetRequiredService<HubSpotAccountContext>(),
            provider.GetRequiredService<ILogger<HubSpotContactSink>>()));
        services.TryAddSingleton(provider => new HubSpotPropertyBootstrapper(
            provider.GetRequiredService<IHubSpotPropertiesApi>(),
            provider.GetRequiredService<HubSpotAccountContext>(),
            provider.GetRequiredService<ILogger<HubSpotPropertyBootstrapper>>()));
        services.TryAddSingleton<IHubSpotLifecycleOperator>(provider => new HubSpotLifecycleOperator(
            provider.GetRequiredService<HubSpotContactSink>(),
            provider.GetRequiredService<HubSpotAccountContext>(),
            provider.GetRequiredService<ILogger<HubSpotLifecycleOperator>>()));
        services.TryAddSingleton(provider => new HubSpotReachability(
            provider.GetRequiredService<IHubSpotPropertiesApi>(),
            provider.GetRequiredService<HubSpotAccountContext>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactSource, HubSpotContactSource>(provider => provider.GetRequiredService<HubSpotContactSource>()));
        if (section.GetValue(nameof(HubSpotOptions.ReadForms), defaultValue: true))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactSource, HubSpotFormSubmissionSource>(provider => provider.GetRequiredService<HubSpotFormSubmissionSource>()));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactSink, HubSpotContactSink>(provider => provider.GetRequiredService<HubSpotContactSink>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionPropertyMap, HubSpotDecisionPropertyMap>());
        return services;
    }

    private static void AddApi<TApi>(IServiceCollection services, RefitSettings settings, string pipelineKey)
        where TApi : class
    {
        services.AddRefitGeneratedClient<TApi>(settings)
            .ConfigureHttpClient((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<HubSpotOptions>>().Value.BaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(provider => new ResilienceHandler(
                provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline<HttpResponseMessage>(pipelineKey)))
            .AddHttpMessageHandler<HubSpotAuthHandler>()
            .AddHttpMessageHandler<HubSpotRateLimitHandler>();
    }
}
