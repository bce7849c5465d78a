using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Sqlite;

/// <summary>The StateStore contract against the SQLite store (one temp file).</summary>
public sealed class SqliteStateStoreTests() : StateStoreContract(new SqliteBackend());
