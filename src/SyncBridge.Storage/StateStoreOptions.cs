using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Npgsql;

namespace SyncBridge.Storage;

/// <summary>Settings of section <c>SyncBridge:State</c>: where SyncBridge keeps cursors, persons, links and conflicts.</summary>
public sealed class StateStoreOptions
{
    public const string SectionName = "SyncBridge:State";

    /// <summary>The store to use: <c>Sqlite</c> (embedded default, one file) or <c>PostgreSql</c> (shared by several workers). Case-insensitive.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite database file; a relative path is relative to the working directory. Its directory is created on first run.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/syncbridge.db";

    /// <summary>How long a command waits for another writer's lock before failing (SQLite busy timeout), in seconds.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The PostgreSQL connection string (Npgsql syntax: <c>Host=…;Port=…;Database=…;Username=…;Password=…</c>), required when
    /// <see cref="Provider"/> is <c>PostgreSql</c>. Supply it from the environment (<c>SyncBridge__State__ConnectionString</c>) or
    /// user secrets, never from a committed file when it holds a password.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The PostgreSQL schema that holds SyncBridge's tables (created on first start): lower-case letters, digits and underscores.</summary>
    public string Schema { get; set; } = "syncbridge";

    /// <summary>Whether <see cref="Provider"/> is SQLite (a file at <see cref="SqlitePath"/>) rather than PostgreSQL.</summary>
    public bool IsSqlite => StateStoreProvider.IsSqlite(Provider);

    /// <summary>Whether <see cref="Provider"/> is PostgreSQL (a server at <see cref="ConnectionString"/>).</summary>
    public bool IsPostgreSql => StateStoreProvider.IsPostgreSql(Provider);

    /// <summary>
    /// Where the store is, for status pages, reports and logs, never with a password: the SQLite file's full path, or
    /// <c>postgresql://host:port/database as user (schema s)</c> (no <c>user@host</c>: log redaction would take it for an email).
    /// </summary>
    public string DescribeLocation()
    {
        if (!IsPostgreSql)
        {
            return string.IsNullOrWhiteSpace(SqlitePath) ? string.Empty : Path.GetFullPath(SqlitePath);
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString ?? string.Empty);
            return string.Create(CultureInfo.InvariantCulture, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username} (schema {Schema})");
        }
        catch (ArgumentException)
        {
            return "postgresql (the connection string does not parse)";
        }
        catch (FormatException)
        {
            return "postgresql (the connection string does not parse)";
        }
    }
}
