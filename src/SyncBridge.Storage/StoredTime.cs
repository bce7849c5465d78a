using System.Globalization;

namespace SyncBridge.Storage;

/// <summary>
/// A time kept as text in a store (round-trip "O" format: offset and 100 ns ticks kept exactly). SQLite keeps every time
/// so; PostgreSQL keeps cursors so, beside a timestamptz column.
/// </summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) => DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
