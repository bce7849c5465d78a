namespace SyncBridge.Worker.Csv;

/// <summary>
/// A header row: column names matched case-insensitively after trimming; columns in any order.
/// </summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (i == 0)
            {
                name = name.TrimStart('\uFEFF');
            }

            _index.TryAdd(name, i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The index of <paramref name="name"/>, or -1 when the file has no such column.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var index) ? index : -1;

    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The value of column <paramref name="index"/> in <paramref name="fields"/>, or empty when the column is absent.</summary>
    public static string Get(IReadOnlyList<string> fields, int index) =>
        index >= 0 && index < fields.Count ? fields[index] : string.Empty;
}
