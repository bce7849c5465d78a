using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Auth;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Diagnostics;
using SyncBridge.Connectors.Salesforce.Health;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Connectors.Salesforce.Polling;
using SyncBridge.Connectors.Salesforce.Writing;
using SyncBridge.Core.Normalization;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Connectors.Salesforce;

public static class SalesforceServiceCollectionExtensions
{
    /// <summary>Name of the resilience pipeline of the org's data calls.</summary>
    public const string PipelineName = "salesforce";

    /// <summary>
    /// Registers the Salesforce connector: options (section <c>SyncBridge:Salesforce</c>, validated at start), the
    /// Refit clients with token handling and one resilience pipeline for the org, the Lead and Contact sources,
    /// the sink and the decision property map. A second call is harmless.
    /// </summary>
    public static IServiceCollection AddSalesforce(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(d => d.ServiceType == typeof(SalesforceConnectorMarker)))
        {
            return services;
        }

        services.AddSingleton<SalesforceConnectorMarker>();

        services.AddOptionsWithValidateOnStart<SalesforceOptions>()
            .Bind(configuration.GetSection(SalesforceOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SalesforceMetrics>();
        services.TryAddSingleton<SalesforceSessionProvider>();
        services.TryAddTransient<SalesforceAuthHandler>();
        services.TryAddTransient<SalesforceLimitHandler>();
        services.AddSyncBridgeNormalization();
        services.TryAddSingleton<SalesforceRecordMapper>();

        var refitSettings = new RefitSettings(new SystemTextJsonContentSerializer(SalesforceJson.Options));

        services.AddRefitGeneratedClient<ISalesforceAuthApi>(refitSettings)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = sp.GetRequiredService<IOptions<SalesforceOptions>>().Value.LoginUrl)
            .AddResilienceHandler(PipelineName + "-auth", static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
                AddRetryAndTimeouts(builder, options);
            });

        var dataClient = services.AddRefitGeneratedClient<ISalesforceApi>(refitSettings)
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = SalesforceAuthHandler.PlaceholderBaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            });

        // Outermost first: the org's pipeline, then the allocation guard, then the session (innermost, so each
        // attempt carries the current token).
        dataClient.AddResilienceHandler(PipelineName, static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SalesforceOptions>>().Value;

                // Salesforce refuses more than 25 long-running requests at once: callers beyond the cap wait their turn.
                builder.AddConcurrencyLimiter(options.MaxConcurrentRequests, queueLimit: 10_000);
                AddRetryAndTimeouts(builder, options);
            });
        dataClient.AddHttpMessageHandler<SalesforceLimitHandler>()
            .AddHttpMessageHandler<SalesforceAuthHandler>();

        services.TryAddSingleton<SalesforceQueryReader>();
        services.TryAddSingleton(sp => new SalesforceReachability(sp.GetRequiredService<ISalesforceApi>(), sp.GetRequiredService<IOptions<SalesforceOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactSource, SalesforceLeadSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactSource, SalesforceContactSource>());
        services.TryAddSingleton<SalesforceContactSink>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactSink, SalesforceContactSink>(sp => sp.GetRequiredService<SalesforceContactSink>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecisionPropertyMap, SalesforceDecisionPropertyMap>());
        return services;
    }

    private static void AddRetryAndTimeouts(ResiliencePipelineBuilder<HttpResponseMessage> builder, SalesforceOptions options)
    {
        builder.AddTimeout(options.TotalTimeout);
        if (options.RetryCount > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Marks that the connector is registered, so a second <see cref="AddSalesforce"/> adds nothing.</summary>
    private sealed class SalesforceConnectorMarker;
}
