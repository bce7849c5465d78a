using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Messaging.Amqp;
using SyncBridge.Messaging.Embedded;
using SyncBridge.Storage;

namespace SyncBridge.Worker.Updates;

/// <summary>The update path: the queue transport chosen by configuration, the planner, dispatcher and consumer, and their loops.</summary>
internal static class UpdatePathServiceCollectionExtensions
{
    /// <summary>
    /// Registers the queue selected by <c>SyncBridge:Queue:Transport</c> (Embedded by default; ServiceBus for Azure
    /// Service Bus or a local AMQP 1.0 broker). Nothing else in SyncBridge can tell which one runs.
    /// </summary>
    public static IServiceCollection AddUpdateQueue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<QueueOptions>().Bind(configuration.GetSection(QueueOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueueOptions>, QueueOptionsValidator>());
        var options = new QueueOptions();
        configuration.GetSection(QueueOptions.SectionName).Bind(options);

        // An unknown name registers the default and fails validation at start, naming the setting.
        if (options.Parsed == QueueTransport.ServiceBus)
        {
            services.AddAmqpUpdateQueue(configuration);
        }
        else
        {
            services.AddEmbeddedUpdateQueue(configuration);

            // Unless a file of its own is configured, the embedded queue lives in the state store's file: one file
            // holds state, outbox and queue (their tables and schema versions do not meet).
            if (string.IsNullOrWhiteSpace(configuration[$"{EmbeddedQueueOptions.SectionName}:{nameof(EmbeddedQueueOptions.Path)}"]))
            {
                services.AddOptions<EmbeddedQueueOptions>().PostConfigure<IOptions<StateStoreOptions>>((queue, state) => queue.Path = state.Value.SqlitePath);
            }
        }

        return services;
    }

    /// <summary>The queue, <see cref="UpdatesServiceCollectionExtensions.AddUpdates"/> with its sections bound, and the two loops.</summary>
    public static IServiceCollection AddUpdatePath(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddUpdateQueue(configuration);
        services.AddUpdates();
        services.AddOptions<UpdateConsumerOptions>().Bind(configuration.GetSection(UpdateConsumerOptions.SectionName));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));
        services.TryAddSingleton<DecideLoop>();
        services.TryAddSingleton<OutboxDispatchLoop>();
        services.TryAddSingleton<UpdateConsumeLoop>();
        return services;
    }
}
