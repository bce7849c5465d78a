namespace SyncBridge.Storage.Postgres;

/// <summary>
/// Keys of the transaction-level advisory locks (<c>pg_advisory_xact_lock(kind, hashtext(schema))</c>) the store takes, so
/// processes sharing one database serialize what must not interleave; each lock ends with its transaction.
/// </summary>
internal static class PostgresLocks
{
    /// <summary>Schema migrations: two processes starting at once apply each migration once.</summary>
    public const int Migrate = 0x5342_4D31;

    /// <summary>
    /// Identity and source-record writes: person keys and links move between persons, and a source record's change
    /// sequence is the next after the highest, so a reader that has seen sequence N never later finds a smaller one committed.
    /// </summary>
    public const int IdentityWrite = 0x5342_4957;

    public const string Sql = "SELECT pg_advisory_xact_lock(@lockKind, hashtext(@lockScope));";
}
