using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Sqlite;

/// <summary>The AppliedUpdateStore contract against the SQLite store (one temp file).</summary>
public sealed class SqliteAppliedUpdateStoreTests() : AppliedUpdateStoreContract(new SqliteBackend());
