using SyncBridge.Storage.Tests.Contracts;

namespace SyncBridge.Storage.Tests.Sqlite;

/// <summary>The ReportStore contract against the SQLite store (one temp file).</summary>
public sealed class SqliteReportStoreTests() : ReportStoreContract(new SqliteBackend());
