using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;

namespace SyncBridge.Storage.Sqlite;

/// <summary>
/// The embedded state store: one SQLite file in WAL mode. Cursors (<see cref="IStateStore"/>) and resolved identities
/// (<see cref="IIdentityStore"/>). Every statement is parameterized; every write runs in an immediate transaction, so
/// several store instances (or processes) can share the file. The schema is brought up to date on first use or by
/// <see cref="InitializeAsync"/>. The outbox (<see cref="SqliteOutboxStore"/>) and the consumer's ledger
/// (<see cref="SqliteAppliedUpdateStore"/>) are sibling classes that open their connections through this store.
/// </summary>
internal sealed class SqliteStateStore : IStateStore, IIdentityStore, IDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SqliteMigrator _migrator;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteStateStore(StateStoreOptions options, TimeProvider timeProvider, ILogger<SqliteStateStore> logger)
        : this(options, SchemaMigrations.All, timeProvider, logger)
    {
    }

    internal SqliteStateStore(StateStoreOptions options, IReadOnlyList<SchemaMigration> migrations, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(migrations);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _connections = new SqliteConnectionFactory(options.SqlitePath, options.BusyTimeoutSeconds);
        _migrator = new SqliteMigrator(migrations, timeProvider, logger);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _connections.FullPath;

    /// <summary>
    /// Creates the directory and the file when missing, switches the file to WAL and applies the schema migrations.
    /// Idempotent. Throws <see cref="StateStoreException"/> naming <c>SyncBridge:State:SqlitePath</c> when the file
    /// cannot be created or written, or when its schema is newer than this build.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            int version;
            try
            {
                var directory = Path.GetDirectoryName(DatabasePath);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    using (var wal = connection.CreateCommand())
                    {
                        wal.CommandText = "PRAGMA journal_mode = WAL;";
                        await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    }

                    version = await _migrator.MigrateAsync(connection, DatabasePath, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
            {
                throw new StateStoreException(
                    $"{StateStoreOptions.SectionName}:{nameof(StateStoreOptions.SqlitePath)}: cannot create or write the state database "
                    + $"'{DatabasePath}': {e.Message}",
                    e);
            }

            Log.StoreReady(_logger, DatabasePath, version);
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    public async Task<SourceCursor?> GetCursorAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT timestamp, record_id, state FROM cursors WHERE source = $source;";
            command.Parameters.AddWithValue("$source", source);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new SourceCursor(StoredTime.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2));
        }
    }

    public async Task SaveCursorAsync(string source, SourceCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(cursor);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO cursors (source, timestamp, record_id, state, updated_at)
                VALUES ($source, $timestamp, $recordId, $state, $now)
                ON CONFLICT (source) DO UPDATE SET
                    timestamp = excluded.timestamp, record_id = excluded.record_id,
                    state = excluded.state, updated_at = excluded.updated_at;
                """;
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$timestamp", StoredTime.Format(cursor.Timestamp));
            command.Parameters.AddWithValue("$recordId", cursor.Id);
            command.Parameters.AddWithValue("$state", cursor.State);
            command.Parameters.AddWithValue("$now", Now());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SavePersonsAsync(IReadOnlyList<PersonRecord> persons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persons);
        foreach (var person in persons)
        {
            ArgumentNullException.ThrowIfNull(person, nameof(persons));
            ArgumentException.ThrowIfNullOrWhiteSpace(person.PersonId, nameof(persons));
        }

        if (persons.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = Now();
                var writer = new PersonWriter(connection, transaction, now);
                foreach (var person in persons)
                {
                    await writer.WriteAsync(person, cancellationToken).ConfigureAwait(false);
                }

                var removed = await writer.RemoveEmptiedPersonsAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.PersonsSaved(_logger, persons.Count, removed);
            }
        }
    }

    public async Task<PersonRecord?> GetPersonAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var exists = connection.CreateCommand())
            {
                exists.CommandText = "SELECT 1 FROM persons WHERE person_id = $personId;";
                exists.Parameters.AddWithValue("$personId", personId);
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                {
                    return null;
                }
            }

            var keys = new List<IdentityKey>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT kind, value FROM person_keys WHERE person_id = $personId ORDER BY kind, value;";
                command.Parameters.AddWithValue("$personId", personId);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(new IdentityKey((IdentityKeyKind)reader.GetInt32(0), reader.GetString(1)));
                }
            }

            var sources = new List<SourceRef>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT system, object_type, source_id FROM source_links WHERE person_id = $personId ORDER BY system, object_type, source_id;";
                command.Parameters.AddWithValue("$personId", personId);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    sources.Add(new SourceRef(SourceSystemNames.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
                }
            }

            return new PersonRecord(personId, keys, sources);
        }
    }

    public async Task<string?> FindPersonBySourceAsync(SourceRef source, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT person_id FROM source_links WHERE system = $system AND object_type = $objectType AND source_id = $sourceId;";
            command.Parameters.AddWithValue("$system", source.System.ToName());
            command.Parameters.AddWithValue("$objectType", source.ObjectType ?? string.Empty);
            command.Parameters.AddWithValue("$sourceId", source.Id ?? string.Empty);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    public async Task<string?> FindPersonByKeyAsync(IdentityKey key, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT person_id FROM person_keys WHERE kind = $kind AND value = $value;";
            command.Parameters.AddWithValue("$kind", (int)key.Kind);
            command.Parameters.AddWithValue("$value", key.Value ?? string.Empty);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    public async Task<int> CountPersonsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM persons;";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task SaveConflictsAsync(IReadOnlyList<MergeConflict> conflicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO merge_conflicts (person_id, property, rule, chosen_value, candidates, detected_at)
                    VALUES ($personId, $property, $rule, $chosenValue, $candidates, $detectedAt);
                    """;
                var personId = command.Parameters.Add("$personId", SqliteType.Text);
                var property = command.Parameters.Add("$property", SqliteType.Text);
                var rule = command.Parameters.Add("$rule", SqliteType.Text);
                var chosenValue = command.Parameters.Add("$chosenValue", SqliteType.Text);
                var candidates = command.Parameters.Add("$candidates", SqliteType.Text);
                var detectedAt = command.Parameters.Add("$detectedAt", SqliteType.Text);
                var now = Now();
                foreach (var conflict in conflicts)
                {
                    ArgumentNullException.ThrowIfNull(conflict, nameof(conflicts));
                    personId.Value = conflict.PersonId;
                    property.Value = conflict.Property;
                    rule.Value = conflict.Rule;
                    chosenValue.Value = conflict.ChosenValue;
                    candidates.Value = StoredCandidates.Serialize(conflict.Candidates);
                    detectedAt.Value = conflict.DetectedAt is { } at ? StoredTime.Format(at) : now;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<MergeConflict>> ListConflictsAsync(string? personId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT person_id, property, rule, chosen_value, candidates, detected_at FROM merge_conflicts
                WHERE $personId IS NULL OR person_id = $personId
                ORDER BY id
                LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$personId", (object?)personId ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", limit);
            var conflicts = new List<MergeConflict>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                conflicts.Add(new MergeConflict(
                    reader.GetString(0),
                    reader.GetString(1),
                    StoredCandidates.Deserialize(reader.GetString(4)),
                    reader.GetString(3),
                    reader.GetString(2))
                {
                    DetectedAt = StoredTime.Parse(reader.GetString(5)),
                });
            }

            return conflicts;
        }
    }

    public void Dispose() => _initializeLock.Dispose();



    /// <summary>Opens a connection to the file once the schema is up to date (for the sibling stores over the same file).</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Now() => StoredTime.Format(_timeProvider.GetUtcNow());


}
