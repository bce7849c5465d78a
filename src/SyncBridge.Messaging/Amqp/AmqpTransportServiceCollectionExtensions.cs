using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Amqp;

public static class AmqpTransportServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP client name of <see cref="IServiceBusManagementApi"/>; its standard resilience options are named
    /// <c>{this}-standard</c> (<c>HttpStandardResilienceOptions</c>), for a host that wants other timeouts or retries.
    /// </summary>
    public const string ServiceBusManagementClientName = "SyncBridge.ServiceBusManagement";

    /// <summary>
    /// Registers the groundwork of the AMQP 1.0 transport: <see cref="ServiceBusTransportOptions"/> from section
    /// <see cref="ServiceBusTransportOptions.SectionName"/> validated at start, the address mapper for the configured
    /// dialect and <see cref="TimeProvider.System"/> unless one is registered. Calling it twice is harmless.
    /// <see cref="AddAmqpUpdateQueue"/> registers the transport itself.
    /// </summary>
    public static IServiceCollection AddAmqpTransportOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(d => d.ServiceType == typeof(AmqpAddressMapper)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<ServiceBusTransportOptions>()
            .Bind(configuration.GetSection(ServiceBusTransportOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceBusTransportOptions>, ServiceBusTransportOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AmqpAddressMapper(sp.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value.Dialect));
        return services;
    }

    /// <summary>
    /// Registers the AMQP 1.0 transport (<see cref="AmqpUpdateQueue"/>, one connection per host) as <see cref="IUpdateQueue"/>,
    /// <see cref="IDeadLetterStore"/> and <see cref="IQueueMonitor"/> (TryAdd: a transport registered earlier wins), with
    /// the options of <see cref="AddAmqpTransportOptions"/> and a hosted service that checks at start that the queue and its
    /// dead-letter queue exist. Calling it twice is harmless.
    /// For queue depth (<see cref="ServiceBusTransportOptions.ReadQueueDepth"/>, on by default): with Dialect RabbitMq and a
    /// <see cref="ServiceBusTransportOptions.ManagementEndpoint"/>, <see cref="IRabbitMqManagementApi"/>; with Dialect
    /// ServiceBus, <see cref="IServiceBusManagementApi"/> at the endpoint's <c>https://{namespace}/</c> (or the override), with a
    /// cached SAS token (<see cref="ServiceBusManagementAuthHandler"/>) and the standard resilience handler sized for a
    /// status read (attempt timeout 5 s, 2 retries from 500 ms, total 15 s).
    /// </summary>
    public static IServiceCollection AddAmqpUpdateQueue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddAmqpTransportOptions(configuration);
        if (services.Any(d => d.ServiceType == typeof(AmqpUpdateQueue)))
        {
            return services;
        }

        var section = configuration.GetSection(ServiceBusTransportOptions.SectionName);
        var isRabbitMq = Enum.TryParse<AmqpDialect>(section[nameof(ServiceBusTransportOptions.Dialect)], ignoreCase: true, out var dialect)
            && dialect == AmqpDialect.RabbitMq;
        var managementEndpoint = section[nameof(ServiceBusTransportOptions.ManagementEndpoint)];
        if (!isRabbitMq)
        {
            AddServiceBusManagementApi(services);
        }
        else if (Uri.TryCreate(managementEndpoint, UriKind.Absolute, out var managementUri))
        {
            // Bad values are reported by the options validator at start; only a usable URL gets a client.
            services.TryAddTransient(sp => new RabbitMqManagementAuthHandler(sp.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value));
            services.AddRefitGeneratedClient<IRabbitMqManagementApi>()
                .ConfigureHttpClient(client => client.BaseAddress = managementUri)
                .AddHttpMessageHandler<RabbitMqManagementAuthHandler>()
                .AddStandardResilienceHandler();
        }

        services.TryAddSingleton(sp => new AmqpUpdateQueue(
            sp.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AmqpUpdateQueue>>(),
            sp.GetService<IRabbitMqManagementApi>(),
            sp.GetService<IServiceBusManagementApi>()));
        services.TryAddSingleton<IUpdateQueue>(sp => sp.GetRequiredService<AmqpUpdateQueue>());
        services.TryAddSingleton<IDeadLetterStore>(sp => sp.GetRequiredService<AmqpUpdateQueue>());
        services.TryAddSingleton<IQueueMonitor>(sp => sp.GetRequiredService<AmqpUpdateQueue>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AmqpQueueStartupCheck>());
        return services;
    }

    private static void AddServiceBusManagementApi(IServiceCollection services)
    {
        // Registered for any Service Bus dialect host; AmqpUpdateQueue uses it only when ReadQueueDepth is on and an
        // address is known (an sb:// endpoint or ManagementEndpoint), so the address is resolved lazily from the options.
        services.TryAddSingleton(sp => new ServiceBusManagementToken(
            sp.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient(sp => new ServiceBusManagementAuthHandler(sp.GetRequiredService<ServiceBusManagementToken>()));
        services.AddRefitGeneratedClient<IServiceBusManagementApi>(_ => new RefitSettings(), ServiceBusManagementClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value;
                client.BaseAddress = options.ManagementEndpoint is { } endpoint
                    ? new Uri(endpoint, UriKind.Absolute)
                    : ServiceBusConnectionString.Parse(options.ConnectionString).ManagementAddress
                        ?? throw new InvalidOperationException(
                            $"{ServiceBusTransportOptions.SectionName}:{nameof(ServiceBusTransportOptions.ManagementEndpoint)}: needed for depth reads from an amqp(s):// endpoint.");
            })
            .AddHttpMessageHandler<ServiceBusManagementAuthHandler>()
            .AddStandardResilienceHandler(resilience =>
            {
                // A status page and a metrics scrape wait for this read: keep it short, then fall back.
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
            });
    }
}
