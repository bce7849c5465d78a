using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Postgres;

/// <summary>The OutboxStore contract against the PostgreSQL store (a schema of its own on the real test server).</summary>
public sealed class PostgresOutboxStoreTests() : OutboxStoreContract(new PostgresBackend());
