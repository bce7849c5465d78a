namespace SyncBridge.Storage.Sqlite;

/// <summary>One step of the schema: applied once, in its own transaction, in ascending <see cref="Version"/>.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
