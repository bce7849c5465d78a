using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Normalization;
using SyncBridge.Core.Sync;
using SyncBridge.Worker.Normalize;

namespace SyncBridge.Worker.Import;

/// <summary>
/// The <c>import</c> verb's work: normalizes a contacts file, resolves it to persons, merges each person's records
/// with the field-level merge policy, and stores persons (keys, source links) and merge conflicts in the state
/// store, with each record's canonical contact (records with a source id), so `sync` and `run` decide imported people
/// like any other. Records linked before (same key or source record) join their stored person: the store moves keys and links
/// when persons merge. Holds the file's normalized records in memory while it resolves them: meant for imports and
/// exports of up to a few hundred thousand rows (use <c>normalize</c> for unbounded files).
/// </summary>
internal sealed class ContactImporter(ContactNormalizer normalizer, PersonMerger merger, IIdentityStore store, IContactStore contactStore, TextWriter diagnostics, TimeProvider time)
{
    private const int BatchSize = 1_000;

    public async Task<ImportSummary> ImportAsync(string inputPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var started = time.GetTimestamp();
        var graph = new IdentityGraph();
        var contacts = new List<CanonicalContact>();
        var sourceKeys = new List<string>();
        long malformed = 0;

        using (var reader = ContactRowReader.Open(inputPath, diagnostics))
        {
            while (reader.TryRead(out var row))
            {
                var contact = normalizer.Normalize(row.Raw);
                graph.Add(contact, row.SourceKey);
                contacts.Add(contact);
                sourceKeys.Add(row.SourceKey);
            }

            malformed = reader.MalformedRows;
        }

        var persons = new StoredPersonBatch(store);
        var conflicts = new List<MergeConflict>();
        var stored = new List<PersonContact>();
        var personIds = new HashSet<string>(StringComparer.Ordinal);
        int multiRecord = 0, conflictCount = 0;
        foreach (var cluster in graph.Clusters())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var records = cluster.Handles.Select(handle => contacts[handle]).ToList();
            var keysOfRecords = cluster.Handles.Select(handle => (string?)sourceKeys[handle]).ToList();

            // Join the persons stored before that share a key or a source record: they keep their id.
            var personId = await persons.AddAsync(cluster.PersonId, records, keysOfRecords, cancellationToken).ConfigureAwait(false);
            conflicts.AddRange(merger.Merge(personId, records).Conflicts);
            stored.AddRange(records.Where(r => !string.IsNullOrWhiteSpace(r.Source.Id)).Select(r => new PersonContact(personId, r)));
            personIds.Add(personId);
            multiRecord += records.Count > 1 ? 1 : 0;

            if (persons.Count >= BatchSize)
            {
                conflictCount += await FlushAsync(persons, conflicts, stored, cancellationToken).ConfigureAwait(false);
            }
        }

        conflictCount += await FlushAsync(persons, conflicts, stored, cancellationToken).ConfigureAwait(false);
        return new ImportSummary(contacts.Count, malformed, personIds.Count, multiRecord, conflictCount, time.GetElapsedTime(started));
    }

    private async Task<int> FlushAsync(StoredPersonBatch persons, List<MergeConflict> conflicts, List<PersonContact> stored, CancellationToken cancellationToken)
    {
        var count = conflicts.Count;
        await persons.SaveAsync(cancellationToken).ConfigureAwait(false);

        // The records' contacts, filed under their persons (after the links, which the contact store follows), so
        // imported people are decided like any other.
        if (stored.Count > 0)
        {
            await contactStore.SaveContactsAsync(stored.ToArray(), cancellationToken).ConfigureAwait(false);
            stored.Clear();
        }

        if (conflicts.Count > 0)
        {
            await store.SaveConflictsAsync(conflicts.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        conflicts.Clear();
        return count;
    }
}
