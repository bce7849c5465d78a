using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;
using SyncBridge.Core.Sync;
using SyncBridge.Worker.Normalize;

namespace SyncBridge.Worker.DropFolder;

/// <summary>
/// The <c>csv:dropfolder</c> source: every <c>*.csv</c> in the configured folder (the <c>import</c> format), oldest
/// first, as records of the <c>import</c> source. A file is read once: when the engine has stored its last page it is
/// moved to <c>processed/</c>, or to <c>failed/</c> next to a <c>.error.txt</c> naming its bad rows. Malformed rows are
/// record errors with file and line, and the run goes on; a crash before the move reads the file again, which stores
/// the same persons. Rows from a CRM (source <c>hubspot</c> / <c>salesforce</c>) keep their system, as <c>import</c>
/// keeps them; other rows are <see cref="SourceSystem.Csv"/> records named by source and source id (by email when the
/// row has no id), so imported people are decided — and created in HubSpot — like any other.
/// </summary>
internal sealed partial class CsvDropFolderSource(
    IOptions<DropFolderOptions> options,
    ContactNormalizer normalizer,
    TimeProvider time,
    ILogger<CsvDropFolderSource> logger) : IContactSource
{
    public const string SourceName = "csv:dropfolder";
    public const string ProcessedFolder = "processed";
    public const string FailedFolder = "failed";
    private const string DefaultObjectType = "dropfolder";

    public string Name => SourceName;

    public IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, CancellationToken cancellationToken) => ReadAsync(cancellationToken);

    private async IAsyncEnumerable<ContactPage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = settings.Path!;
        foreach (var file in ReadyFiles(folder, settings.MinFileAge))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fileName = Path.GetFileName(file);
            var badRows = new List<RecordError>();
            var pages = 0;
            string? fatal = null;
            ContactRowReader? reader = null;
            var diagnostics = new StringWriter(CultureInfo.InvariantCulture);
            try
            {
                reader = ContactRowReader.Open(file, diagnostics);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                fatal = ex is InvalidDataException ? "the file has no header row" : "the file could not be read (" + ex.GetType().Name + ")";
            }

            if (reader is not null)
            {
                using (reader)
                {
                    var contacts = new List<CanonicalContact>(settings.PageSize);
                    var errors = new List<RecordError>();
                    long lastLine = 0;
                    while (true)
                    {
                        var read = reader.TryRead(out var row);
                        Collect(diagnostics, file, fileName, errors);
                        if (read)
                        {
                            contacts.Add(ToContact(row));
                            lastLine = row.Line;
                        }

                        if (contacts.Count >= settings.PageSize || (!read && (contacts.Count > 0 || errors.Count > 0)))
                        {
                            badRows.AddRange(errors);
                            pages++;
                            yield return new ContactPage(contacts, [], errors, Cursor(fileName, lastLine));
                            contacts = new List<CanonicalContact>(settings.PageSize);
                            errors = [];
                        }

                        if (!read)
                        {
                            break;
                        }
                    }
                }
            }

            if (fatal is not null)
            {
                var error = new RecordError(Name, fileName, fatal);
                badRows.Add(error);
                yield return new ContactPage([], [], [error], Cursor(fileName, 0));
            }

            // Reached only once the engine stored every page of the file: now it is never read again.
            var failed = badRows.Count > 0;
            var moved = Move(file, Path.Combine(folder, failed ? FailedFolder : ProcessedFolder));
            if (failed)
            {
                await WriteErrorReportAsync(moved, badRows, cancellationToken).ConfigureAwait(false);
                Log.FileFailed(logger, fileName, badRows.Count);
            }
            else
            {
                Log.FileProcessed(logger, fileName, pages);
            }
        }
    }

    private List<string> ReadyFiles(string folder, TimeSpan minAge)
    {
        var now = time.GetUtcNow();
        return new DirectoryInfo(folder)
            .EnumerateFiles("*.csv", SearchOption.TopDirectoryOnly)
            .Where(file => minAge <= TimeSpan.Zero || new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero) <= now - minAge)
            .OrderBy(file => file.LastWriteTimeUtc)
            .ThenBy(file => file.Name, StringComparer.Ordinal)
            .Select(file => file.FullName)
            .ToList();
    }

    private CanonicalContact ToContact(ContactRow row)
    {
        var contact = normalizer.Normalize(row.Raw);
        if (row.Raw.System is SourceSystem.HubSpot or SourceSystem.Salesforce or SourceSystem.Form)
        {
            return contact;
        }

        // An import record: named by its source and id, or by its email when it has no id, so two files' rows never share an id by accident.
        var objectType = row.Raw.SourceName.Trim().ToLowerInvariant() is { Length: > 0 } named ? named : DefaultObjectType;
        var id = row.Raw.SourceId.Length > 0
            ? row.Raw.SourceId
            : contact.Email.IsValid ? "email:" + contact.Email.Normalized : string.Empty;
        var source = new SourceRef(SourceSystem.Csv, objectType, id);
        return contact with
        {
            Source = source,
            Identities = id.Length == 0 ? [] : [source],
        };
    }

    private SourceCursor Cursor(string fileName, long line) =>
        new(time.GetUtcNow(), string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}"));

    /// <summary>Turns the reader's <c>path:line: reason</c> diagnostics into record errors at <c>file:line</c>.</summary>
    private void Collect(StringWriter diagnostics, string path, string fileName, List<RecordError> errors)
    {
        var text = diagnostics.ToString();
        if (text.Length == 0)
        {
            return;
        }

        diagnostics.GetStringBuilder().Clear();
        foreach (var line in text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = line.StartsWith(path + ":", StringComparison.Ordinal) ? line[(path.Length + 1)..] : line;
            var separator = rest.IndexOf(": ", StringComparison.Ordinal);
            var (where, reason) = separator > 0 ? (fileName + ":" + rest[..separator], rest[(separator + 2)..]) : (fileName, rest);
            Log.RowRejected(logger, where, reason);
            errors.Add(new RecordError(Name, where, reason));
        }
    }

    private string Move(string file, string targetFolder)
    {
        Directory.CreateDirectory(targetFolder);
        var target = Path.Combine(targetFolder, Path.GetFileName(file));
        if (File.Exists(target))
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
            target = Path.Combine(targetFolder, $"{Path.GetFileNameWithoutExtension(file)}.{stamp}{Path.GetExtension(file)}");
        }

        File.Move(file, target);
        return target;
    }

    private static async Task WriteErrorReportAsync(string movedFile, List<RecordError> errors, CancellationToken cancellationToken)
    {
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{errors.Count} bad rows in {Path.GetFileName(movedFile)} (the other rows were imported):").AppendLine();
        foreach (var error in errors)
        {
            report.Append(CultureInfo.InvariantCulture, $"{error.Location}: {error.Message}").AppendLine();
        }

        await File.WriteAllTextAsync(movedFile + ".error.txt", report.ToString(), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Drop folder row {Location} rejected: {Reason}")]
        public static partial void RowRejected(ILogger logger, string location, string reason);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Drop folder file {File} imported ({Pages} pages) and moved to processed/")]
        public static partial void FileProcessed(ILogger logger, string file, int pages);

        [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Drop folder file {File} had {BadRows} bad rows; moved to failed/ with an .error.txt (its good rows were imported)")]
        public static partial void FileFailed(ILogger logger, string file, int badRows);
    }
}
