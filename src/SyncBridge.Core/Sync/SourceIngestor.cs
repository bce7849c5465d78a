using Microsoft.Extensions.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Core.Sync;

/// <summary>
/// The engine's intake: reads a source's changes from its saved cursor, resolves each page's contacts to persons
/// (joining persons stored before through a shared key or source record), stores them and each record's canonical
/// contact under its person (<see cref="IContactStore"/>), and saves the page's cursor only after both. A crash re-reads at most one page, and re-reading is harmless: resolving the same records again
/// stores the same persons. Record errors are logged with where they came from and the run goes on.
/// Sources may be read concurrently, but pages are resolved and stored one at a time per process, so two sources
/// delivering the same human at once cannot both create a person for them.
/// </summary>
public sealed partial class SourceIngestor(IStateStore state, IIdentityStore identities, IContactStore contacts, ILogger<SourceIngestor> logger) : IDisposable
{
    private readonly SemaphoreSlim _storeGate = new(1, 1);

    public void Dispose() => _storeGate.Dispose();

    public Task<IngestSummary> IngestAsync(IContactSource source, CancellationToken cancellationToken) =>
        IngestAsync(source, cancellationToken, CancellationToken.None);

    /// <summary>
    /// Reads and stores pages until the source has no more, or until <paramref name="stopAfterPage"/> is signalled:
    /// then the page in hand is finished (stored, its cursor saved) and no further page is asked for — the graceful
    /// stop of a worker shutting down. <paramref name="cancellationToken"/> aborts at once (the page is read again).
    /// </summary>
    public async Task<IngestSummary> IngestAsync(IContactSource source, CancellationToken cancellationToken, CancellationToken stopAfterPage)
    {
        ArgumentNullException.ThrowIfNull(source);
        var cursor = await state.GetCursorAsync(source.Name, cancellationToken).ConfigureAwait(false);
        Log.IngestStarted(logger, source.Name, cursor is null ? "backfill" : "incremental");
        int pages = 0, contacts = 0, deleted = 0, errors = 0;
        var persons = new HashSet<string>(StringComparer.Ordinal);

        await foreach (var page in source.ReadChangesAsync(cursor, cancellationToken).ConfigureAwait(false))
        {
            await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var id in await StorePageAsync(page, cancellationToken).ConfigureAwait(false))
                {
                    persons.Add(id);
                }
            }
            finally
            {
                _storeGate.Release();
            }

            foreach (var error in page.Errors)
            {
                Log.RecordError(logger, source.Name, error.Source, error.Location, error.Message);
            }

            await state.SaveCursorAsync(source.Name, page.Cursor, cancellationToken).ConfigureAwait(false);
            pages++;
            contacts += page.Contacts.Count;
            deleted += page.Deleted.Count;
            errors += page.Errors.Count;
            if (stopAfterPage.IsCancellationRequested)
            {
                Log.StoppedAfterPage(logger, source.Name, pages);
                break;
            }
        }

        var summary = new IngestSummary(source.Name, pages, contacts, persons.Count, deleted, errors);
        Log.IngestFinished(logger, source.Name, pages, contacts, persons.Count, deleted, errors);
        return summary;
    }

    private async Task<IReadOnlyCollection<string>> StorePageAsync(ContactPage page, CancellationToken cancellationToken)
    {
        if (page.Contacts.Count == 0)
        {
            return [];
        }

        var graph = new IdentityGraph();
        foreach (var contact in page.Contacts)
        {
            graph.Add(contact);
        }

        var batch = new StoredPersonBatch(identities);
        var personIds = new HashSet<string>(StringComparer.Ordinal);
        var filed = new List<PersonContact>(page.Contacts.Count);
        foreach (var cluster in graph.Clusters())
        {
            var records = cluster.Handles.Select(handle => page.Contacts[handle]).ToList();
            var personId = await batch.AddAsync(cluster.PersonId, records, sourceKeys: null, cancellationToken).ConfigureAwait(false);
            personIds.Add(personId);

            // A record with no id of its own cannot be stored or read back: its keys still join its person.
            filed.AddRange(records.Where(r => !string.IsNullOrEmpty(r.Source.Id)).Select(r => new PersonContact(personId, r)));
        }

        // Identities first: the contact store files a linked record under its link's person, so both agree.
        await batch.SaveAsync(cancellationToken).ConfigureAwait(false);
        await contacts.SaveContactsAsync(filed, cancellationToken).ConfigureAwait(false);
        return personIds;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Ingest of {Source} stopped after page {Pages}: the worker is stopping; the next run resumes from its cursor")]
        public static partial void StoppedAfterPage(ILogger logger, string source, int pages);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Ingest of {Source} started ({Mode})")]
        public static partial void IngestStarted(ILogger logger, string source, string mode);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Record error in {Source} ({Origin} {Location}): {Reason}")]
        public static partial void RecordError(ILogger logger, string source, string origin, string location, string reason);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Ingest of {Source} finished: {Pages} pages, {Contacts} contacts, {Persons} persons, {Deleted} deleted, {Errors} record errors")]
        public static partial void IngestFinished(ILogger logger, string source, int pages, int contacts, int persons, int deleted, int errors);
    }
}
