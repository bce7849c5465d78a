using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite state store as <see cref="IStateStore"/>, <see cref="IIdentityStore"/>, <see cref="IOutboxStore"/>
    /// (transactional outbox), <see cref="IAppliedUpdateStore"/> (the consumer's ledger) and <see cref="IContactStore"/>
    /// (source records' canonical contacts), all over one file, with options from
    /// section <see cref="StateStoreOptions.SectionName"/> validated at start, and a hosted service that creates the
    /// file and applies the schema migrations at start (failing the host with a message naming the setting).
    /// Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddSqliteStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(d => d.ServiceType == typeof(SqliteStateStore)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<StateStoreOptions>()
            .Bind(configuration.GetSection(StateStoreOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateStoreOptions>, StateStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteStateStore(
            sp.GetRequiredService<IOptions<StateStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteStateStore>>()));
        services.TryAddSingleton<IStateStore>(sp => sp.GetRequiredService<SqliteStateStore>());
        services.TryAddSingleton<IIdentityStore>(sp => sp.GetRequiredService<SqliteStateStore>());
        services.TryAddSingleton(sp => new SqliteOutboxStore(
            sp.GetRequiredService<SqliteStateStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteOutboxStore>>()));
        services.TryAddSingleton(sp => new SqliteAppliedUpdateStore(sp.GetRequiredService<SqliteStateStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SqliteContactStore(
            sp.GetRequiredService<SqliteStateStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteContactStore>>()));
        services.TryAddSingleton<IContactStore>(sp => sp.GetRequiredService<SqliteContactStore>());
        services.TryAddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.TryAddSingleton<IAppliedUpdateStore>(sp => sp.GetRequiredService<SqliteAppliedUpdateStore>());
        services.TryAddSingleton<IReportStore>(sp => new SqliteReportStore(sp.GetRequiredService<SqliteStateStore>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteStateStoreInitializer>());
        return services;
    }
}
