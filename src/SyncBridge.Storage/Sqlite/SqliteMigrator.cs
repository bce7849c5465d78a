using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// Brings a database to the latest schema: reads <c>schema_version</c>, applies each missing migration in its own
/// immediate transaction (re-checking the version inside it, so two processes starting together apply each once), and
/// refuses a database whose version is newer than the migrations this build knows.
/// </summary>
internal sealed class SqliteMigrator(IReadOnlyList<SchemaMigration> migrations, TimeProvider timeProvider, ILogger logger)
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );
        """;

    public int LatestVersion => migrations.Count == 0 ? 0 : migrations[^1].Version;

    /// <summary>Applies the missing migrations; returns the schema version afterwards.</summary>
    public async Task<int> MigrateAsync(SqliteConnection connection, string databasePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await ExecuteAsync(connection, null, CreateVersionTable, cancellationToken).ConfigureAwait(false);

        var current = await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        EnsureNotNewer(current, databasePath);

        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            // BEGIN IMMEDIATE: take the write lock first, so concurrent starters queue instead of deadlocking.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                // Another process may have migrated since we looked.
                current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                EnsureNotNewer(current, databasePath);
                if (migration.Version <= current)
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $appliedAt);";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$description", migration.Description);
                record.Parameters.AddWithValue("$appliedAt", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                current = migration.Version;
                Log.MigrationApplied(logger, migration.Version, migration.Description);
            }
        }

        return current;
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private void EnsureNotNewer(int current, string databasePath)
    {
        if (current > LatestVersion)
        {
            throw new StateStoreException(
                $"The state database '{databasePath}' has schema version {current}, but this SyncBridge knows schema versions up to "
                + $"{LatestVersion}: it was written by a newer SyncBridge. Run that version, or point {StateStoreOptions.SectionName}:"
                + $"{nameof(StateStoreOptions.SqlitePath)} at another file.");
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
