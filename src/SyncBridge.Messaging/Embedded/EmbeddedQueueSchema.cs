namespace SyncBridge.Messaging.Embedded;

/// <summary>
/// The queue file's schema (version in <c>PRAGMA user_version</c>). Times are Unix milliseconds (UTC). <c>messages</c>
/// holds pending and locked messages in send order (<c>seq</c>); <c>dead_letters</c> holds dead-lettered ones.
/// </summary>
internal static class EmbeddedQueueSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS messages (
            seq            INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id     TEXT    NOT NULL UNIQUE,
            person_key     TEXT    NOT NULL,
            target         TEXT    NOT NULL,
            version        INTEGER NOT NULL,
            body           BLOB    NOT NULL,
            enqueued_at    INTEGER NOT NULL,
            delivery_count INTEGER NOT NULL DEFAULT 0,
            lock_token     TEXT    NULL,
            locked_until   INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_person_seq ON messages (person_key, seq);
        CREATE TABLE IF NOT EXISTS dead_letters (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id       TEXT    NOT NULL UNIQUE,
            person_key       TEXT    NOT NULL,
            target           TEXT    NOT NULL,
            version          INTEGER NOT NULL,
            body             BLOB    NOT NULL,
            enqueued_at      INTEGER NOT NULL,
            delivery_count   INTEGER NOT NULL,
            reason           TEXT    NOT NULL,
            description      TEXT    NOT NULL,
            dead_lettered_at INTEGER NOT NULL
        );
        PRAGMA user_version = 1;
        """;
}
