using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// Brings a schema to the latest version in one transaction that first takes an advisory lock on the schema (two processes
/// starting at once queue on it, and the second finds the work done): creates the schema and <c>schema_version</c> when
/// missing, applies each missing migration, and refuses a schema whose version is newer than the migrations this build knows.
/// </summary>
internal sealed class PostgresMigrator(IReadOnlyList<SchemaMigration> migrations, TimeProvider timeProvider, ILogger logger)
{
    public int LatestVersion => migrations.Count == 0 ? 0 : migrations[^1].Version;

    /// <summary>Applies the missing migrations to <paramref name="schema"/>; returns the schema version afterwards.</summary>
    public async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!StateStoreOptionsValidator.IsValidSchema(schema))
        {
            throw new StateStoreException($"{StateStoreOptions.SectionName}:{nameof(StateStoreOptions.Schema)}: '{schema}' is not a valid schema name.");
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await using (var command = new NpgsqlCommand(PostgresLocks.Sql, connection, transaction))
            {
                command.Parameters.AddWithValue("lockKind", PostgresLocks.Migrate);
                command.Parameters.AddWithValue("lockScope", schema);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A schema created by the database's owner is used as it is (creating one needs the CREATE privilege on the
            // database, which the worker's role may not have). The name was checked above, so quoting it is enough.
            await using (var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_namespace WHERE nspname = @schema;", connection, transaction))
            {
                exists.Parameters.AddWithValue("schema", schema);
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                {
                    await ExecuteAsync(connection, transaction, $"CREATE SCHEMA \"{schema}\";", cancellationToken).ConfigureAwait(false);
                }
            }

            await ExecuteAsync(connection, transaction, $"""
                CREATE TABLE IF NOT EXISTS "{schema}".schema_version (
                    version     integer NOT NULL PRIMARY KEY,
                    description text NOT NULL,
                    applied_at  timestamptz NOT NULL
                );
                SET LOCAL search_path TO "{schema}";
                """, cancellationToken).ConfigureAwait(false);

            int current;
            await using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection, transaction))
            {
                current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            if (current > LatestVersion)
            {
                throw new StateStoreException(
                    $"The PostgreSQL schema '{schema}' has state schema version {current}, but this SyncBridge knows schema versions up to "
                    + $"{LatestVersion}: it was written by a newer SyncBridge. Run that version, or point {StateStoreOptions.SectionName}:"
                    + $"{nameof(StateStoreOptions.Schema)} at another schema.");
            }

            var applied = new List<SchemaMigration>();
            foreach (var migration in migrations.Where(m => m.Version > current))
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using var record = new NpgsqlCommand(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @appliedAt);", connection, transaction);
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("description", migration.Description);
                record.Parameters.AddWithValue("appliedAt", timeProvider.GetUtcNow().ToUniversalTime());
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                current = migration.Version;
                applied.Add(migration);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var migration in applied)
            {
                Log.MigrationApplied(logger, migration.Version, migration.Description);
            }

            return current;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
