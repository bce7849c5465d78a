using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Storage.Postgres;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage;

/// <summary>Opening the configured state store on demand, for callers that do not start the host's hosted services.</summary>
public static class StateStoreInitialization
{
    /// <summary>
    /// Opens the state store registered by <see cref="StorageServiceCollectionExtensions.AddStateStore"/> now: creates or
    /// migrates its schema (idempotent; the hosted initializer then has nothing left to do). A verb calls it before its
    /// work, so an unusable store stops it with one <see cref="StateStoreException"/> naming the setting instead of
    /// failing every source in turn.
    /// </summary>
    public static async Task InitializeStateStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<PostgresStateStore>() is { } postgres)
        {
            await postgres.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (services.GetService<SqliteStateStore>() is { } sqlite)
        {
            await sqlite.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
