namespace SyncBridge.Storage;

/// <summary>The names <see cref="StateStoreOptions.Provider"/> accepts (compared case-insensitively).</summary>
internal static class StateStoreProvider
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    public static bool IsSqlite(string? provider) => string.Equals(provider?.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase);

    public static bool IsPostgreSql(string? provider) => string.Equals(provider?.Trim(), PostgreSql, StringComparison.OrdinalIgnoreCase);
}
