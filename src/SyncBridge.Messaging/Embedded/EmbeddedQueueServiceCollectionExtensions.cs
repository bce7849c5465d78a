using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Embedded;

public static class EmbeddedQueueServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded durable queue as <see cref="IUpdateQueue"/>, <see cref="IDeadLetterStore"/> and
    /// <see cref="IQueueMonitor"/>, with options from section <see cref="EmbeddedQueueOptions.SectionName"/> validated at
    /// start, and a hosted service that creates the queue file at start. Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddEmbeddedUpdateQueue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(d => d.ServiceType == typeof(SqliteUpdateQueue)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<EmbeddedQueueOptions>()
            .Bind(configuration.GetSection(EmbeddedQueueOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedQueueOptions>, EmbeddedQueueOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteUpdateQueue(
            sp.GetRequiredService<IOptions<EmbeddedQueueOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteUpdateQueue>>()));
        services.TryAddSingleton<IUpdateQueue>(sp => sp.GetRequiredService<SqliteUpdateQueue>());
        services.TryAddSingleton<IDeadLetterStore>(sp => sp.GetRequiredService<SqliteUpdateQueue>());
        services.TryAddSingleton<IQueueMonitor>(sp => sp.GetRequiredService<SqliteUpdateQueue>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmbeddedQueueInitializer>());
        return services;
    }
}
