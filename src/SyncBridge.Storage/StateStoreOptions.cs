using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Storage;

/// <summary>Settings of section <c>SyncBridge:State</c>: where SyncBridge keeps cursors, persons, links and conflicts.</summary>
public sealed class StateStoreOptions
{
    public const string SectionName = "SyncBridge:State";

    /// <summary>The store to use. Only <c>Sqlite</c> for now (PostgreSQL arrives with the scaled-out deployment).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite database file; a relative path is relative to the working directory. Its directory is created on first run.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/syncbridge.db";

    /// <summary>How long a command waits for another writer's lock before failing (SQLite busy timeout), in seconds.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}
