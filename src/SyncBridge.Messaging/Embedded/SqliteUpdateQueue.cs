using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Embedded;

/// <summary>
/// The embedded durable queue: its own SQLite file in WAL mode, every write in an immediate transaction, every
/// statement parameterized, all time from <see cref="TimeProvider"/>. Several instances (or processes) may share the
/// file as competing consumers.
/// <list type="bullet">
/// <item>Peek-lock: a received message is locked until its lock expires, then visible again; each delivery raises its
/// delivery count (1 on the first).</item>
/// <item>A message delivered <see cref="EmbeddedQueueOptions.MaxDeliveryCount"/> times that is abandoned or whose lock
/// expires moves to the dead-letter table with reason <see cref="DeadLetterReasons.MaxDeliveryCountExceeded"/>.</item>
/// <item>Per-person order: only the oldest message of a person is handed out, and only while it is not locked.</item>
/// <item>A message id already in the queue or in the dead-letter table is stored once.</item>
/// </list>
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a message queue implementing IUpdateQueue.")]
internal sealed class SqliteUpdateQueue : IUpdateQueue, IDeadLetterStore, IQueueMonitor, IDisposable
{
    /// <summary>Reason given to a stored message whose body cannot be read any more.</summary>
    public const string InvalidMessageReason = DeadLetterReasons.MalformedMessage;

    private const string Visible = "(locked_until IS NULL OR locked_until <= $now)";
    private const string Held = "message_id = $messageId AND lock_token = $lockToken AND locked_until > $now";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly int _maxDeliveryCount;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    public SqliteUpdateQueue(EmbeddedQueueOptions options, TimeProvider timeProvider, ILogger<SqliteUpdateQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDeliveryCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeoutSeconds, 1);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _maxDeliveryCount = options.MaxDeliveryCount;
        DatabasePath = Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {options.BusyTimeoutSeconds * 1000}; PRAGMA synchronous = FULL;");
    }

    /// <summary>The absolute path of the queue file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Creates the directory and file when missing, switches to WAL and creates the schema. Idempotent; also run on
    /// first use. Throws <see cref="EmbeddedQueueException"/> naming <c>SyncBridge:Queue:Embedded:Path</c> when the
    /// file cannot be created or written or was made by a newer build.
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

            const string Setting = $"{EmbeddedQueueOptions.SectionName}:{nameof(EmbeddedQueueOptions.Path)}";
            try
            {
                var directory = Path.GetDirectoryName(DatabasePath);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
                    var transaction = connection.BeginTransaction(deferred: false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        using var read = connection.CreateCommand();
                        read.Transaction = transaction;
                        read.CommandText = "PRAGMA user_version;";
                        var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                        if (version > EmbeddedQueueSchema.Version)
                        {
                            throw new EmbeddedQueueException(
                                $"{Setting}: the queue file '{DatabasePath}' has schema version {version}, newer than this build's "
                                + $"{EmbeddedQueueSchema.Version}; run a newer SyncBridge or point the setting at another file.");
                        }

                        await ExecuteAsync(connection, transaction, EmbeddedQueueSchema.Create, cancellationToken).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
            {
                throw new EmbeddedQueueException($"{Setting}: cannot create or write the queue file '{DatabasePath}': {e.Message}", e);
            }

            Log.QueueReady(_logger, DatabasePath, EmbeddedQueueSchema.Version);
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    public async Task SendAsync(IReadOnlyList<UpdateMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
        }

        if (messages.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT OR IGNORE INTO messages (message_id, person_key, target, version, body, enqueued_at)
                    SELECT $messageId, $personKey, $target, $version, $body, $now
                    WHERE NOT EXISTS (SELECT 1 FROM dead_letters WHERE message_id = $messageId);
                    """;
                var messageId = insert.Parameters.Add("$messageId", SqliteType.Text);
                var personKey = insert.Parameters.Add("$personKey", SqliteType.Text);
                var target = insert.Parameters.Add("$target", SqliteType.Text);
                var version = insert.Parameters.Add("$version", SqliteType.Integer);
                var body = insert.Parameters.Add("$body", SqliteType.Blob);
                insert.Parameters.AddWithValue("$now", Now());
                var stored = 0;
                foreach (var message in messages)
                {
                    messageId.Value = message.MessageId;
                    personKey.Value = message.PersonKey;
                    target.Value = message.Target.ToString();
                    version.Value = message.Version;
                    body.Value = UpdateMessageSerializer.Serialize(message);
                    stored += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.Sent(_logger, messages.Count, stored);
            }
        }
    }

    public async Task<IReadOnlyList<ReceivedUpdate>> ReceiveAsync(int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lockDuration, TimeSpan.Zero);

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = Now();
                var expired = await DeadLetterExhaustedAsync(connection, transaction, now, cancellationToken).ConfigureAwait(false);

                // The head of each person's line, if it is not locked: one message per person at a time, in send order.
                var candidates = new List<(long Seq, string MessageId, string PersonKey, byte[] Body, int DeliveryCount)>();
                using (var select = connection.CreateCommand())
                {
                    select.Transaction = transaction;
                    select.CommandText = """
                        SELECT m.seq, m.message_id, m.person_key, m.body, m.delivery_count FROM messages m
                        WHERE (m.locked_until IS NULL OR m.locked_until <= $now)
                          AND NOT EXISTS (SELECT 1 FROM messages e WHERE e.person_key = m.person_key AND e.seq < m.seq)
                        ORDER BY m.seq
                        LIMIT $max;
                        """;
                    select.Parameters.AddWithValue("$now", now);
                    select.Parameters.AddWithValue("$max", maxMessages);
                    using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        candidates.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetInt32(4)));
                    }
                }

                var received = new List<ReceivedUpdate>(candidates.Count);
                // Whole milliseconds, as stored, so the lock the caller sees is the lock the file enforces.
                var lockedUntil = DateTimeOffset.FromUnixTimeMilliseconds((_timeProvider.GetUtcNow() + lockDuration).ToUnixTimeMilliseconds());
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE messages SET delivery_count = delivery_count + 1, lock_token = $lockToken, locked_until = $lockedUntil WHERE seq = $seq;";
                var lockToken = update.Parameters.Add("$lockToken", SqliteType.Text);
                var seq = update.Parameters.Add("$seq", SqliteType.Integer);
                update.Parameters.AddWithValue("$lockedUntil", lockedUntil.ToUnixTimeMilliseconds());
                foreach (var candidate in candidates)
                {
                    UpdateMessage message;
                    try
                    {
                        message = UpdateMessageSerializer.Deserialize(candidate.Body);
                    }
                    catch (UpdateMessageFormatException e)
                    {
                        await MoveToDeadLettersAsync(connection, transaction, "seq = $seq", p => p.AddWithValue("$seq", candidate.Seq), InvalidMessageReason, e.Message, now, cancellationToken).ConfigureAwait(false);
                        Log.DeadLettered(_logger, candidate.MessageId, candidate.PersonKey, InvalidMessageReason);
                        continue;
                    }

                    var token = Guid.NewGuid().ToString("N");
                    lockToken.Value = token;
                    seq.Value = candidate.Seq;
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    received.Add(new ReceivedUpdate(message, candidate.DeliveryCount + 1, token, lockedUntil));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (expired > 0)
                {
                    Log.MaxDeliveryDeadLettered(_logger, expired, _maxDeliveryCount);
                }

                return received;
            }
        }
    }

    public async Task CompleteAsync(ReceivedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM messages WHERE {Held};";
            AddHeld(delete.Parameters, update, Now());
            if (await delete.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
            {
                throw LockLost(update);
            }
        }
    }

    public async Task<IReadOnlyList<ReceivedUpdate>> CompleteAllAsync(IReadOnlyList<ReceivedUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var lost = new List<ReceivedUpdate>();
        if (updates.Count == 0)
        {
            return lost;
        }

        var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = Now();
                using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = $"DELETE FROM messages WHERE {Held};";
                foreach (var update in updates)
                {
                    delete.Parameters.Clear();
                    AddHeld(delete.Parameters, update, now);
                    if (await delete.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
                    {
                        lost.Add(update);
                    }
                }

                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }

        return lost;
    }

    public async Task AbandonAsync(ReceivedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = Now();
                int deliveryCount;
                using (var read = connection.CreateCommand())
                {
                    read.Transaction = transaction;
                    read.CommandText = $"SELECT delivery_count FROM messages WHERE {Held};";
                    AddHeld(read.Parameters, update, now);
                    var value = await read.ExecuteScalarAsync().ConfigureAwait(false) ?? throw LockLost(update);
                    deliveryCount = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                }

                if (deliveryCount >= _maxDeliveryCount)
                {
                    await MoveToDeadLettersAsync(
                        connection,
                        transaction,
                        Held,
                        p => AddHeld(p, update, now),
                        DeadLetterReasons.MaxDeliveryCountExceeded,
                        MaxDeliveryDescription(deliveryCount),
                        now,
                        CancellationToken.None).ConfigureAwait(false);
                    Log.DeadLettered(_logger, update.Message.MessageId, update.Message.PersonKey, DeadLetterReasons.MaxDeliveryCountExceeded);
                }
                else
                {
                    using var release = connection.CreateCommand();
                    release.Transaction = transaction;
                    release.CommandText = $"UPDATE messages SET lock_token = NULL, locked_until = NULL WHERE {Held};";
                    AddHeld(release.Parameters, update, now);
                    await release.ExecuteNonQueryAsync().ConfigureAwait(false);
                }

                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task DeadLetterAsync(ReceivedUpdate update, string reason, string description)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(description);
        var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = Now();
                var moved = await MoveToDeadLettersAsync(connection, transaction, Held, p => AddHeld(p, update, now), reason, description, now, CancellationToken.None).ConfigureAwait(false);
                if (moved == 0)
                {
                    throw LockLost(update);
                }

                await transaction.CommitAsync().ConfigureAwait(false);
                Log.DeadLettered(_logger, update.Message.MessageId, update.Message.PersonKey, reason);
            }
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var select = connection.CreateCommand();
            select.CommandText = """
                SELECT id, message_id, person_key, target, version, reason, description, delivery_count, enqueued_at, dead_lettered_at
                FROM dead_letters ORDER BY id LIMIT $max;
                """;
            select.Parameters.AddWithValue("$max", max);
            var result = new List<DeadLetter>();
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(new DeadLetter(
                    reader.GetString(1),
                    reader.GetString(2),
                    ParseTarget(reader.GetString(3)),
                    reader.GetInt64(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetInt32(7),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))));
            }

            return result;
        }
    }

    public async Task<bool> ReplayDeadLetterAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return await ReplayAsync("WHERE message_id = $id", messageId, cancellationToken).ConfigureAwait(false) > 0;
    }

    public Task<int> ReplayAllDeadLettersAsync(CancellationToken cancellationToken) =>
        ReplayAsync(string.Empty, null, cancellationToken);

    public async Task<bool> PurgeDeadLetterAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM dead_letters WHERE message_id = $id;";
            delete.Parameters.AddWithValue("$id", messageId);
            var purged = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            if (purged)
            {
                Log.Purged(_logger, messageId);
            }

            return purged;
        }
    }

    public async Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var select = connection.CreateCommand();
            select.CommandText = """
                SELECT COUNT(*),
                       COALESCE(SUM(CASE WHEN locked_until > $now THEN 1 ELSE 0 END), 0),
                       MIN(enqueued_at),
                       (SELECT COUNT(*) FROM dead_letters)
                FROM messages;
                """;
            var now = Now();
            select.Parameters.AddWithValue("$now", now);
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            TimeSpan? oldestAge = reader.IsDBNull(2) ? null : TimeSpan.FromMilliseconds(Math.Max(0, now - reader.GetInt64(2)));
            return new QueueStatus(reader.GetInt64(0), reader.GetInt64(1), oldestAge, reader.GetInt64(3));
        }
    }

    public void Dispose() => _initializeLock.Dispose();

    private async Task<int> ReplayAsync(string where, string? id, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"""
                        INSERT OR IGNORE INTO messages (message_id, person_key, target, version, body, enqueued_at)
                        SELECT message_id, person_key, target, version, body, $now FROM dead_letters {where} ORDER BY id;
                        """;
                    insert.Parameters.AddWithValue("$now", Now());
                    if (id is not null)
                    {
                        insert.Parameters.AddWithValue("$id", id);
                    }

                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = $"DELETE FROM dead_letters {where};";
                if (id is not null)
                {
                    delete.Parameters.AddWithValue("$id", id);
                }

                var replayed = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (replayed > 0)
                {
                    Log.Replayed(_logger, replayed);
                }

                return replayed;
            }
        }
    }

    /// <summary>Moves every visible message delivered the maximum number of times to the dead letters; returns how many.</summary>
    private Task<int> DeadLetterExhaustedAsync(SqliteConnection connection, SqliteTransaction transaction, long now, CancellationToken cancellationToken) =>
        MoveToDeadLettersAsync(
            connection,
            transaction,
            $"delivery_count >= $max AND {Visible}",
            p =>
            {
                p.AddWithValue("$max", _maxDeliveryCount);
                p.AddWithValue("$now", now);
            },
            DeadLetterReasons.MaxDeliveryCountExceeded,
            MaxDeliveryDescription(_maxDeliveryCount),
            now,
            cancellationToken);

    /// <summary>Copies the messages matching <paramref name="where"/> to the dead letters and deletes them; returns how many.</summary>
    private static async Task<int> MoveToDeadLettersAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string where,
        Action<SqliteParameterCollection> bind,
        string reason,
        string description,
        long now,
        CancellationToken cancellationToken)
    {
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"""
                INSERT OR REPLACE INTO dead_letters
                    (message_id, person_key, target, version, body, enqueued_at, delivery_count, reason, description, dead_lettered_at)
                SELECT message_id, person_key, target, version, body, enqueued_at, delivery_count, $reason, $description, $deadLetteredAt
                FROM messages WHERE {where} ORDER BY seq;
                """;
            bind(insert.Parameters);
            insert.Parameters.AddWithValue("$reason", reason);
            insert.Parameters.AddWithValue("$description", description);
            insert.Parameters.AddWithValue("$deadLetteredAt", now);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM messages WHERE {where};";
        bind(delete.Parameters);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string MaxDeliveryDescription(int deliveryCount) => string.Create(
        CultureInfo.InvariantCulture,
        $"Delivered {deliveryCount} times without being completed (MaxDeliveryCount reached).");

    private static void AddHeld(SqliteParameterCollection parameters, ReceivedUpdate update, long now)
    {
        parameters.AddWithValue("$messageId", update.Message.MessageId);
        parameters.AddWithValue("$lockToken", update.LockToken);
        parameters.AddWithValue("$now", now);
    }

    private static UpdateLockLostException LockLost(ReceivedUpdate update) => new(
        $"The lock on update {update.Message.MessageId} (delivery {update.DeliveryCount.ToString(CultureInfo.InvariantCulture)}) expired or is held by another delivery.");

    private static SourceRef ParseTarget(string text)
    {
        // Written by SourceRef.ToString(): system:objectType:id; the id may itself contain ':'.
        var parts = text.Split(':', 3);
        return parts.Length == 3
            ? new SourceRef(SourceSystemNames.Parse(parts[0]), parts[1], parts[2])
            : new SourceRef(SourceSystem.Unknown, string.Empty, text);
    }

    private long Now() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, _pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
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
