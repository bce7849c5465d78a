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
using SyncBridge.Storage.Postgres;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the state store chosen by <c>SyncBridge:State:Provider</c>: <c>Sqlite</c> (the default; see
    /// <see cref="AddSqliteStateStore"/>) or <c>PostgreSql</c> (one schema of a PostgreSQL database shared by several workers,
    /// from <c>SyncBridge:State:ConnectionString</c> and <c>SyncBridge:State:Schema</c>), as <see cref="IStateStore"/>,
    /// <see cref="IIdentityStore"/>, <see cref="IOutboxStore"/>, <see cref="IAppliedUpdateStore"/>, <see cref="IContactStore"/>
    /// and <see cref="IReportStore"/>, with options validated at start and a hosted service that applies the schema migrations
    /// at start (failing the host with a message naming the setting, e.g. when the server cannot be reached). An unknown
    /// provider fails the host at start naming <c>SyncBridge:State:Provider</c>. Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var provider = configuration.GetSection(StateStoreOptions.SectionName)[nameof(StateStoreOptions.Provider)];
        return StateStoreProvider.IsPostgreSql(provider)
            ? services.AddPostgresStateStore(configuration)
            : services.AddSqliteStateStore(configuration);
    }

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

        if (IsRegistered(services))
        {
            return services;
        }

        AddOptions(services, configuration);
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

    /// <summary>The PostgreSQL store for every state port, over one data source (connection pool) per process.</summary>
    private static IServiceCollection AddPostgresStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsRegistered(services))
        {
            return services;
        }

        AddOptions(services, configuration);
        services.TryAddSingleton(sp => new PostgresStateStore(
            sp.GetRequiredService<IOptions<StateStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgresStateStore>>()));
        services.TryAddSingleton<IStateStore>(sp => sp.GetRequiredService<PostgresStateStore>());
        services.TryAddSingleton<IIdentityStore>(sp => sp.GetRequiredService<PostgresStateStore>());
        services.TryAddSingleton(sp => new PostgresOutboxStore(
            sp.GetRequiredService<PostgresStateStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresOutboxStore>>()));
        services.TryAddSingleton(sp => new PostgresAppliedUpdateStore(sp.GetRequiredService<PostgresStateStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PostgresContactStore(
            sp.GetRequiredService<PostgresStateStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresContactStore>>()));
        services.TryAddSingleton<IContactStore>(sp => sp.GetRequiredService<PostgresContactStore>());
        services.TryAddSingleton<IOutboxStore>(sp => sp.GetRequiredService<PostgresOutboxStore>());
        services.TryAddSingleton<IAppliedUpdateStore>(sp => sp.GetRequiredService<PostgresAppliedUpdateStore>());
        services.TryAddSingleton<IReportStore>(sp => new PostgresReportStore(sp.GetRequiredService<PostgresStateStore>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresStateStoreInitializer>());
        return services;
    }

    private static bool IsRegistered(IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(SqliteStateStore) || d.ServiceType == typeof(PostgresStateStore));

    private static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<StateStoreOptions>()
            .Bind(configuration.GetSection(StateStoreOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateStoreOptions>, StateStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
    }
}
