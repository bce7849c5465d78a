using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SyncBridge.Worker.Tests;

/// <summary>Reads a state-store file directly (no pooling, so the file is released at once), for assertions on what a verb stored.</summary>
internal static class SqliteProbe
{
    public static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
