using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Sqlite;

/// <summary>The OutboxStore contract against the SQLite store (one temp file).</summary>
public sealed class SqliteOutboxStoreTests() : OutboxStoreContract(new SqliteBackend());
