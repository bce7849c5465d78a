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

        var managementEndpoint = configuration.GetSection(ServiceBusTransportOptions.SectionName)[nameof(ServiceBusTransportOptions.ManagementEndpoint)];
        if (Uri.TryCreate(managementEndpoint, UriKind.Absolute, out var managementUri))
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
            sp.GetService<IRabbitMqManagementApi>()));
        services.TryAddSingleton<IUpdateQueue>(sp => sp.GetRequiredService<AmqpUpdateQueue>());
        services.TryAddSingleton<IDeadLetterStore>(sp => sp.GetRequiredService<AmqpUpdateQueue>());
        services.TryAddSingleton<IQueueMonitor>(sp => sp.GetRequiredService<AmqpUpdateQueue>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AmqpQueueStartupCheck>());
        return services;
    }
}
