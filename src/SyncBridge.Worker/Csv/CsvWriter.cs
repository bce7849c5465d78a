namespace SyncBridge.Worker.Csv;

/// <summary>
/// Writes RFC 4180 CSV: a field is quoted only when it holds a comma, a double quote, CR or LF; quotes inside
/// are doubled; records end with "\n".
/// </summary>
internal sealed class CsvWriter(TextWriter writer)
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuoting = System.Buffers.SearchValues.Create(",\"\r\n");

    public void WriteRecord(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(fields[i]);
        }

        writer.Write('\n');
    }

    private void WriteField(string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsQuoting) < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
