using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Sync.Updates;

public static class UpdatesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the update path: <see cref="PersonDecider"/> and <see cref="PopulationDecider"/> (state store →
    /// decisions; need the decision engine and the merge policy registered), <see cref="UpdatePlanner"/> (decisions →
    /// outbox), <see cref="OutboxDispatcher"/> (outbox → queue) and <see cref="UpdateConsumer"/> (queue → CRMs) with
    /// <see cref="UpdateConsumerOptions"/> and <see cref="OutboxOptions"/> validated at start (bind their sections in
    /// the host). The state store (<see cref="IOutboxStore"/>, <see cref="IAppliedUpdateStore"/>), the queue and the
    /// connectors register themselves. Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddUpdates(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<UpdateConsumerOptions>().ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<OutboxOptions>().ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpdateConsumerOptions>, UpdateConsumerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UpdatePlanner>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<UpdateConsumer>();
        services.TryAddSingleton<PopulationDecider>();
        services.TryAddSingleton<PersonDecider>();
        return services;
    }
}
