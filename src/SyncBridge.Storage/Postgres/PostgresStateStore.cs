using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Postgres;

/// <summary>
/// The scaled-out state store: one PostgreSQL schema shared by several worker processes. Cursors (<see cref="IStateStore"/>)
/// and resolved identities (<see cref="IIdentityStore"/>); the outbox, ledger, contact and report stores are sibling classes
/// that open their connections through this store. Every statement is parameterized; writes that must not interleave across
/// processes take row locks or a transaction-level advisory lock (<see cref="PostgresLocks"/>), never an in-process lock.
/// The schema is brought up to date on first use or by <see cref="InitializeAsync"/>.
/// </summary>
internal sealed class PostgresStateStore : IStateStore, IIdentityStore, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresMigrator _migrator;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    public PostgresStateStore(StateStoreOptions options, TimeProvider timeProvider, ILogger<PostgresStateStore> logger)
        : this(options, PostgresSchemaMigrations.All, timeProvider, logger)
    {
    }

    internal PostgresStateStore(StateStoreOptions options, IReadOnlyList<SchemaMigration> migrations, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Schema = options.Schema;
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "SyncBridge";
        }

        Server = options.DescribeLocation();
        _dataSource = NpgsqlDataSource.Create(builder);
        _migrator = new PostgresMigrator(migrations, timeProvider, logger);
    }

    /// <summary>The schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>Where the store points, without the password: <c>postgresql://host:port/database as user (schema s)</c>.</summary>
    public string Server { get; }

    /// <summary>
    /// Creates the schema when missing and applies the migrations. Idempotent. Throws <see cref="StateStoreException"/>
    /// naming <c>SyncBridge:State:ConnectionString</c> when the server cannot be reached or refuses the login, or naming
    /// <c>SyncBridge:State:Schema</c> when the schema is newer than this build.
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
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    version = await _migrator.MigrateAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                throw new StateStoreException(
                    $"{StateStoreOptions.SectionName}:{nameof(StateStoreOptions.ConnectionString)}: cannot use the PostgreSQL state store at "
                    + $"{Server}: {e.Message}",
                    e);
            }

            Log.StoreReady(_logger, Server, version);
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
            await using var command = new NpgsqlCommand("SELECT timestamp_exact, record_id, state FROM cursors WHERE source = @source;", connection);
            command.Parameters.AddWithValue("source", source);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
            await using var command = new NpgsqlCommand("""
                INSERT INTO cursors (source, timestamp, timestamp_exact, record_id, state, updated_at)
                VALUES (@source, @timestamp, @exact, @recordId, @state, @now)
                ON CONFLICT (source) DO UPDATE SET
                    timestamp = excluded.timestamp, timestamp_exact = excluded.timestamp_exact, record_id = excluded.record_id,
                    state = excluded.state, updated_at = excluded.updated_at;
                """, connection);
            command.Parameters.AddWithValue("source", source);
            command.Parameters.AddWithValue("timestamp", cursor.Timestamp.ToUniversalTime());
            command.Parameters.AddWithValue("exact", StoredTime.Format(cursor.Timestamp));
            command.Parameters.AddWithValue("recordId", cursor.Id ?? string.Empty);
            command.Parameters.AddWithValue("state", cursor.State ?? string.Empty);
            command.Parameters.AddWithValue("now", Now());
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
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockAsync(connection, transaction, PostgresLocks.IdentityWrite, cancellationToken).ConfigureAwait(false);
                var writer = new PostgresPersonWriter(connection, transaction, Now());
                var removed = await writer.WriteAsync(persons, cancellationToken).ConfigureAwait(false);
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
            // One round trip: the person's existence, its keys and its links, each a result set of one batch.
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT 1 FROM persons WHERE person_id = @personId;"),
                    new NpgsqlBatchCommand("SELECT kind, value FROM person_keys WHERE person_id = @personId ORDER BY kind, value COLLATE \"C\";"),
                    new NpgsqlBatchCommand("""
                        SELECT system, object_type, source_id FROM source_links WHERE person_id = @personId
                        ORDER BY system COLLATE "C", object_type COLLATE "C", source_id COLLATE "C";
                        """),
                },
            };
            for (var i = 0; i < batch.BatchCommands.Count; i++)
            {
                batch.BatchCommands[i].Parameters.AddWithValue("personId", personId);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var keys = new List<IdentityKey>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(new IdentityKey((IdentityKeyKind)reader.GetInt32(0), reader.GetString(1)));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var sources = new List<SourceRef>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sources.Add(new SourceRef(SourceSystemNames.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
            }

            return new PersonRecord(personId, keys, sources);
        }
    }

    public async Task<string?> FindPersonBySourceAsync(SourceRef source, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                "SELECT person_id FROM source_links WHERE system = @system AND object_type = @objectType AND source_id = @sourceId;", connection);
            command.Parameters.AddWithValue("system", source.System.ToName());
            command.Parameters.AddWithValue("objectType", source.ObjectType ?? string.Empty);
            command.Parameters.AddWithValue("sourceId", source.Id ?? string.Empty);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    public async Task<string?> FindPersonByKeyAsync(IdentityKey key, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT person_id FROM person_keys WHERE kind = @kind AND value = @value;", connection);
            command.Parameters.AddWithValue("kind", (int)key.Kind);
            command.Parameters.AddWithValue("value", key.Value ?? string.Empty);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    public async Task<int> CountPersonsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM persons;", connection);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    public async Task SaveConflictsAsync(IReadOnlyList<MergeConflict> conflicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 0)
        {
            return;
        }

        var now = Now();
        var personIds = new string[conflicts.Count];
        var properties = new string[conflicts.Count];
        var rules = new string[conflicts.Count];
        var chosen = new string[conflicts.Count];
        var candidates = new string[conflicts.Count];
        var detected = new DateTimeOffset[conflicts.Count];
        for (var i = 0; i < conflicts.Count; i++)
        {
            var conflict = conflicts[i];
            ArgumentNullException.ThrowIfNull(conflict, nameof(conflicts));
            personIds[i] = conflict.PersonId;
            properties[i] = conflict.Property;
            rules[i] = conflict.Rule;
            chosen[i] = conflict.ChosenValue;
            candidates[i] = StoredCandidates.Serialize(conflict.Candidates);
            detected[i] = conflict.DetectedAt?.ToUniversalTime() ?? now;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement: the rows keep the list's order (ids ascend with it).
            await using var command = new NpgsqlCommand("""
                INSERT INTO merge_conflicts (person_id, property, rule, chosen_value, candidates, detected_at)
                SELECT person_id, property, rule, chosen_value, candidates, detected_at
                FROM unnest(@personIds, @properties, @rules, @chosen, @candidates, @detected)
                    WITH ORDINALITY AS u(person_id, property, rule, chosen_value, candidates, detected_at, ord)
                ORDER BY ord;
                """, connection);
            command.Parameters.AddWithValue("personIds", personIds);
            command.Parameters.AddWithValue("properties", properties);
            command.Parameters.AddWithValue("rules", rules);
            command.Parameters.AddWithValue("chosen", chosen);
            command.Parameters.AddWithValue("candidates", candidates);
            command.Parameters.AddWithValue("detected", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, detected);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<MergeConflict>> ListConflictsAsync(string? personId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("""
                SELECT person_id, property, rule, chosen_value, candidates, detected_at FROM merge_conflicts
                WHERE @personId::text IS NULL OR person_id = @personId::text
                ORDER BY id
                LIMIT @limit;
                """, connection);
            command.Parameters.AddWithValue("personId", NpgsqlDbType.Text, (object?)personId ?? DBNull.Value);
            command.Parameters.AddWithValue("limit", limit);
            var conflicts = new List<MergeConflict>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                conflicts.Add(new MergeConflict(
                    reader.GetString(0),
                    reader.GetString(1),
                    StoredCandidates.Deserialize(reader.GetString(4)),
                    reader.GetString(3),
                    reader.GetString(2))
                {
                    DetectedAt = reader.GetFieldValue<DateTimeOffset>(5),
                });
            }

            return conflicts;
        }
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _initializeLock.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _initializeLock.Dispose();
    }

    /// <summary>Opens a pooled connection once the schema is up to date (for the sibling stores over the same schema).</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the transaction-level advisory lock <paramref name="kind"/> on this store's schema.</summary>
    internal async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int kind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresLocks.Sql, connection, transaction);
        command.Parameters.AddWithValue("lockKind", kind);
        command.Parameters.AddWithValue("lockScope", Schema);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Now, in UTC (what a timestamptz parameter needs).</summary>
    internal DateTimeOffset Now() => _timeProvider.GetUtcNow().ToUniversalTime();




}
