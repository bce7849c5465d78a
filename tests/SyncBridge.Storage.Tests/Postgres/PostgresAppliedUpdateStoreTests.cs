using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Postgres;

/// <summary>The AppliedUpdateStore contract against the PostgreSQL store (a schema of its own on the real test server).</summary>
public sealed class PostgresAppliedUpdateStoreTests() : AppliedUpdateStoreContract(new PostgresBackend());
