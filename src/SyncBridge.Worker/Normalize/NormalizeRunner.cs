using System.Diagnostics;
using System.Text;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Normalization;
using SyncBridge.Worker.Csv;

namespace SyncBridge.Worker.Normalize;

/// <summary>
/// The <c>normalize</c> verb's work. Two streaming passes over the input file so memory stays flat whatever the
/// file's length: the first normalizes every row and resolves identities (the graph holds keys, not rows); the
/// second normalizes again and writes each row with its person id. Malformed rows are reported once, on
/// <c>diagnostics</c>, as <c>file:line: reason</c>.
/// </summary>
internal sealed class NormalizeRunner(ContactNormalizer normalizer, TextWriter diagnostics, TimeProvider time)
{
    public NormalizeSummary Run(string inputPath, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(output);
        var started = time.GetTimestamp();
        var graph = new IdentityGraph();
        long malformed = 0;

        using (var pass1 = ContactRowReader.Open(inputPath, diagnostics))
        {
            var n = 0;
            while (pass1.TryRead(out var row))
            {
                if ((++n & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                graph.Add(Normalize(row), row.SourceKey);
            }

            malformed = pass1.MalformedRows;
        }

        long written = 0, validEmails = 0, invalidEmails = 0, validPhones = 0, invalidPhones = 0;
        using (var pass2 = ContactRowReader.Open(inputPath, TextWriter.Null))
        {
            var writer = new CsvWriter(output);
            var header = new List<string>(pass2.Header.Names);
            if (header.Count > 0)
            {
                header[0] = header[0].TrimStart('\uFEFF');
            }

            header.AddRange(NormalizeColumns.Output);
            writer.WriteRecord(header);

            var fields = new List<string>(header.Count);
            var handle = 0;
            while (pass2.TryRead(out var row))
            {
                if ((handle & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var contact = Normalize(row);
                var personId = graph.PersonIdOf(handle++);
                fields.Clear();
                fields.AddRange(row.Fields);
                AppendOutputs(fields, contact, personId);
                writer.WriteRecord(fields);
                written++;

                if (!contact.Email.IsEmpty)
                {
                    _ = contact.Email.IsValid ? validEmails++ : invalidEmails++;
                }

                if (!contact.Phone.IsEmpty)
                {
                    _ = contact.Phone.IsValid ? validPhones++ : invalidPhones++;
                }
            }
        }

        output.Flush();
        return new NormalizeSummary
        {
            RowsWritten = written,
            MalformedRows = malformed,
            Persons = graph.PersonCount(),
            ValidEmails = validEmails,
            InvalidEmails = invalidEmails,
            ValidPhones = validPhones,
            InvalidPhones = invalidPhones,
            Elapsed = time.GetElapsedTime(started),
        };
    }

    private CanonicalContact Normalize(ContactRow row) => normalizer.Normalize(row.Raw);

    private static void AppendOutputs(List<string> fields, CanonicalContact c, string personId)
    {
        fields.Add(c.Email.Normalized);
        fields.Add(Bool(c.Email.IsValid));
        fields.Add(c.Email.MatchKey);
        fields.Add(c.Phone.IsValid ? c.Phone.E164 : string.Empty);
        fields.Add(c.Phone.Extension);
        fields.Add(Bool(c.Phone.IsValid));
        fields.Add(c.Mobile.IsValid ? c.Mobile.E164 : string.Empty);
        fields.Add(Bool(c.Mobile.IsValid));
        fields.Add(c.FamilyName);
        fields.Add(c.GivenName);
        fields.Add(c.Company.Key);
        fields.Add(c.Company.Domain);
        fields.Add(c.CountryCode);
        fields.Add(c.Seniority.ToWireName());
        fields.Add(c.Department.ToWireName());
        fields.Add(personId);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Opens the output: a file (created with its directory) or stdout for "-".</summary>
    public static TextWriter OpenOutput(string path, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            return stdout;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
    }
}
