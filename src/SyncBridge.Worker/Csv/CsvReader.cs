using System.Text;

namespace SyncBridge.Worker.Csv;

/// <summary>
/// A streaming RFC 4180 reader: commas, double quotes, quoted fields holding commas, doubled quotes and line
/// breaks. Memory stays flat: one record at a time. A malformed record is returned with an error and the read
/// goes on. A stray opening quote in the middle of a file shows itself when the quote finally closes on a later
/// line and other text follows it, or when the field grows past <see cref="MaxLinesPerRecord"/> lines: then the
/// lines it swallowed are read again as records of their own, so one stray quote never loses the rows after it.
/// A quote still open at the end of the file makes the rest of the file one malformed record.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    /// <summary>A quoted field spanning more lines than this is treated as an unterminated quote.</summary>
    internal const int MaxLinesPerRecord = 1_000;

    private readonly TextReader _reader;
    private readonly Stack<PhysicalLine> _pushedBack = new();
    private readonly List<PhysicalLine> _consumed = [];
    private readonly StringBuilder _field = new();
    private long _nextLineNumber = 1;

    public CsvReader(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <summary>Reads the next record; false at the end of the input. Blank lines are skipped.</summary>
    public bool TryRead(out CsvRecord record)
    {
        while (NextLine() is { } first)
        {
            if (first.Text.Length == 0)
            {
                continue;
            }

            record = Parse(first);
            return true;
        }

        record = default;
        return false;
    }

    public void Dispose() => _reader.Dispose();

    private CsvRecord Parse(PhysicalLine first)
    {
        _consumed.Clear();
        _consumed.Add(first);
        var fields = new List<string>();
        _field.Clear();
        var line = first;
        var i = 0;
        var inQuotes = false;
        var afterClosingQuote = false;
        string error = string.Empty;

        while (true)
        {
            var text = line.Text;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            _field.Append('"');
                            i++;
                        }
                        else
                        {
                            inQuotes = false;
                            afterClosingQuote = true;
                        }
                    }
                    else
                    {
                        _field.Append(c);
                    }
                }
                else if (c == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterClosingQuote = false;
                }
                else if (afterClosingQuote)
                {
                    if (error.Length == 0)
                    {
                        error = $"unexpected character after a closing quote in field {fields.Count + 1}";
                    }

                    _field.Append(c);
                }
                else if (c == '"' && _field.Length == 0)
                {
                    inQuotes = true;
                }
                else
                {
                    _field.Append(c);
                }
            }

            if (!inQuotes)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                break;
            }

            // The quoted field goes on over a line break.
            if (_consumed.Count >= MaxLinesPerRecord)
            {
                return Recover(first, $"quoted field not closed within {MaxLinesPerRecord} lines", giveBackLines: true);
            }

            var next = NextLine();
            if (next is null)
            {
                var last = _consumed[^1].Number;
                return Recover(first, last == first.Number
                    ? "unterminated quoted field"
                    : $"unterminated quoted field (runs to the end of the file, lines {first.Number}–{last})", giveBackLines: false);
            }

            _field.Append(line.Terminator.Length > 0 ? line.Terminator : "\n");
            _consumed.Add(next.Value);
            line = next.Value;
            i = 0;
        }

        if (error.Length > 0)
        {
            return Recover(first, error, giveBackLines: true);
        }

        return new CsvRecord(first.Number, fields, string.Empty);
    }

    /// <summary>Reports the record at <paramref name="first"/> as malformed; optionally gives back every later line it swallowed.</summary>
    private CsvRecord Recover(PhysicalLine first, string error, bool giveBackLines)
    {
        if (giveBackLines)
        {
            for (var k = _consumed.Count - 1; k >= 1; k--)
            {
                _pushedBack.Push(_consumed[k]);
            }
        }

        _consumed.Clear();
        return new CsvRecord(first.Number, [], error);
    }

    /// <summary>Marks a well-formed record as malformed after the fact (e.g. a wrong field count).</summary>
    public static CsvRecord Reject(CsvRecord record, string error) => record with { Error = error, Fields = [] };

    private PhysicalLine? NextLine()
    {
        if (_pushedBack.Count > 0)
        {
            return _pushedBack.Pop();
        }

        var builder = (StringBuilder?)null;
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                if (builder is null)
                {
                    return null;
                }

                return new PhysicalLine(_nextLineNumber++, builder.ToString(), string.Empty);
            }

            builder ??= new StringBuilder(256);
            if (c == '\n')
            {
                return new PhysicalLine(_nextLineNumber++, builder.ToString(), "\n");
            }

            if (c == '\r')
            {
                if (_reader.Peek() == '\n')
                {
                    _reader.Read();
                    return new PhysicalLine(_nextLineNumber++, builder.ToString(), "\r\n");
                }

                return new PhysicalLine(_nextLineNumber++, builder.ToString(), "\r");
            }

            builder.Append((char)c);
        }
    }

    private readonly record struct PhysicalLine(long Number, string Text, string Terminator);
}
