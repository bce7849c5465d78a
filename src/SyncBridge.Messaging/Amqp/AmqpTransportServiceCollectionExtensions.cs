using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncBridge.Messaging.Amqp;

public static class AmqpTransportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the groundwork of the AMQP 1.0 transport: <see cref="ServiceBusTransportOptions"/> from section
    /// <see cref="ServiceBusTransportOptions.SectionName"/> validated at start, the address mapper for the configured
    /// dialect and <see cref="TimeProvider.System"/> unless one is registered. Calling it twice is harmless.
    /// The sender and receiver are not registered yet (see issue 6).
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
}
