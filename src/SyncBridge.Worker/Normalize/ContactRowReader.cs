using System.Text;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Normalization;
using SyncBridge.Worker.Csv;

namespace SyncBridge.Worker.Normalize;

/// <summary>
/// Reads a contacts CSV (the <c>normalize</c> input columns, in any order, unknown columns kept) as raw records.
/// Malformed rows are reported on the diagnostics writer as <c>file:line: reason</c>, counted, and skipped; the read
/// goes on.
/// </summary>
internal sealed class ContactRowReader : IDisposable
{
    private readonly CsvReader _csv;
    private readonly string _path;
    private readonly TextWriter _diagnostics;
    private readonly int _source, _sourceId, _email, _firstName, _lastName, _fullName, _phone, _mobile, _company, _website, _title, _department, _country;

    private ContactRowReader(CsvReader csv, CsvHeader header, string path, TextWriter diagnostics)
    {
        _csv = csv;
        _path = path;
        _diagnostics = diagnostics;
        Header = header;
        _source = header.IndexOf(NormalizeColumns.Source);
        _sourceId = header.IndexOf(NormalizeColumns.SourceId);
        _email = header.IndexOf(NormalizeColumns.Email);
        _firstName = header.IndexOf(NormalizeColumns.FirstName);
        _lastName = header.IndexOf(NormalizeColumns.LastName);
        _fullName = header.IndexOf(NormalizeColumns.FullName);
        _phone = header.IndexOf(NormalizeColumns.Phone);
        _mobile = header.IndexOf(NormalizeColumns.Mobile);
        _company = header.IndexOf(NormalizeColumns.Company);
        _website = header.IndexOf(NormalizeColumns.Website);
        _title = header.IndexOf(NormalizeColumns.Title);
        _department = header.IndexOf(NormalizeColumns.Department);
        _country = header.IndexOf(NormalizeColumns.Country);
    }

    public CsvHeader Header { get; }

    /// <summary>How many malformed rows were reported and skipped so far.</summary>
    public long MalformedRows { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> (UTF-8, with or without BOM) and reads its header row. Malformed rows are reported
    /// on <paramref name="diagnostics"/> (<see cref="TextWriter.Null"/> to read silently, e.g. a second pass).
    /// </summary>
    /// <exception cref="InvalidDataException">The file has no header row.</exception>
    public static ContactRowReader Open(string path, TextWriter diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var csv = new CsvReader(new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));
        try
        {
            while (csv.TryRead(out var first))
            {
                if (!first.IsMalformed)
                {
                    return new ContactRowReader(csv, new CsvHeader(first.Fields), path, diagnostics);
                }
            }

            throw new InvalidDataException($"{path}: no header row");
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next well-formed row; malformed rows are reported, counted and skipped.</summary>
    public bool TryRead(out ContactRow row)
    {
        while (_csv.TryRead(out var record))
        {
            if (!record.IsMalformed && record.Fields.Count != Header.Count)
            {
                record = CsvReader.Reject(record, $"expected {Header.Count} fields, found {record.Fields.Count}");
            }

            if (record.IsMalformed)
            {
                MalformedRows++;
                _diagnostics.WriteLine($"{_path}:{record.Line}: {record.Error}");
                continue;
            }

            row = new ContactRow(record.Line, record.Fields, ToRaw(record.Fields));
            return true;
        }

        row = default;
        return false;
    }

    public void Dispose() => _csv.Dispose();

    private RawContactRecord ToRaw(IReadOnlyList<string> f)
    {
        var source = CsvHeader.Get(f, _source).Trim();
        return new RawContactRecord
        {
            System = SourceSystemNames.Parse(source),
            SourceName = source,
            SourceId = CsvHeader.Get(f, _sourceId).Trim(),
            Email = CsvHeader.Get(f, _email),
            FirstName = CsvHeader.Get(f, _firstName),
            LastName = CsvHeader.Get(f, _lastName),
            FullName = CsvHeader.Get(f, _fullName),
            Phone = CsvHeader.Get(f, _phone),
            Mobile = CsvHeader.Get(f, _mobile),
            Company = CsvHeader.Get(f, _company),
            Website = CsvHeader.Get(f, _website),
            Title = CsvHeader.Get(f, _title),
            Department = CsvHeader.Get(f, _department),
            Country = CsvHeader.Get(f, _country),
        };
    }
}

/// <summary>A well-formed row: its line, its fields as read, and the raw record they describe.</summary>
internal readonly record struct ContactRow(long Line, IReadOnlyList<string> Fields, RawContactRecord Raw)
{
    /// <summary>The identity source key of the row: <c>lower(source):source_id</c>, empty without a source id.</summary>
    public string SourceKey => IdentityKey.SourceKeyOf(Raw.SourceName, Raw.SourceId);
}
