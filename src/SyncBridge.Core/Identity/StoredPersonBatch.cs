using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Persons about to be stored, joined with the persons stored before. A person that shares a key or a source record
/// with stored persons takes the smallest stored id (ordinal) and absorbs their keys and links, so saving it merges
/// them (<see cref="IIdentityStore.SavePersonsAsync"/> moves keys and links and removes persons left empty). Two
/// clusters that land on the same stored person are saved as one.
/// </summary>
public sealed class StoredPersonBatch(IIdentityStore store)
{
    private readonly Dictionary<string, PersonRecord> _persons = new(StringComparer.Ordinal);

    /// <summary>Persons waiting to be saved.</summary>
    public int Count => _persons.Count;

    /// <summary>
    /// Adds one resolved cluster. <paramref name="sourceKeys"/>, when given, holds one source key per record and
    /// overrides the records' own source keys (see <see cref="IdentityKey.KeysOf"/>). Returns the id the person is
    /// stored under: a stored person's id when the cluster joins one, else <paramref name="clusterId"/>.
    /// </summary>
    public async Task<string> AddAsync(string clusterId, IReadOnlyList<CanonicalContact> records, IReadOnlyList<string?>? sourceKeys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentNullException.ThrowIfNull(records);
        if (sourceKeys is not null && sourceKeys.Count != records.Count)
        {
            throw new ArgumentException("One source key per record is needed.", nameof(sourceKeys));
        }

        var keys = new List<IdentityKey>();
        var sources = new List<SourceRef>();
        for (var i = 0; i < records.Count; i++)
        {
            Collect(records[i], sourceKeys?[i], keys, sources);
        }

        var personId = await ResolveAsync(clusterId, keys, sources, cancellationToken).ConfigureAwait(false);
        if (_persons.TryGetValue(personId, out var sameStoredPerson))
        {
            keys.AddRange(sameStoredPerson.Keys.Where(k => !keys.Contains(k)));
            sources.AddRange(sameStoredPerson.Sources.Where(s => !sources.Contains(s)));
        }

        _persons[personId] = new PersonRecord(personId, keys, sources);
        return personId;
    }

    /// <summary>Saves the waiting persons in one store call and empties the batch.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_persons.Count == 0)
        {
            return;
        }

        await store.SavePersonsAsync(_persons.Values.ToArray(), cancellationToken).ConfigureAwait(false);
        _persons.Clear();
    }

    /// <summary>Adds a record's identity keys and its source records with an id to the lists, without repeats.</summary>
    private static void Collect(CanonicalContact contact, string? sourceKey, List<IdentityKey> keys, List<SourceRef> sources)
    {
        foreach (var key in IdentityKey.KeysOf(contact, sourceKey))
        {
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        foreach (var source in contact.Identities.Prepend(contact.Source))
        {
            if (source.Id.Length > 0 && !sources.Contains(source))
            {
                sources.Add(source);
            }
        }
    }

    /// <summary>
    /// The id to store the records under: the smallest id among the stored persons sharing a key or a source record,
    /// with their keys and sources added to the lists; <paramref name="candidateId"/> when nothing is stored yet.
    /// </summary>
    private async Task<string> ResolveAsync(string candidateId, List<IdentityKey> keys, List<SourceRef> sources, CancellationToken cancellationToken)
    {
        SortedSet<string>? stored = null;
        foreach (var key in keys)
        {
            if (await store.FindPersonByKeyAsync(key, cancellationToken).ConfigureAwait(false) is { } id)
            {
                (stored ??= new SortedSet<string>(StringComparer.Ordinal)).Add(id);
            }
        }

        foreach (var source in sources)
        {
            if (await store.FindPersonBySourceAsync(source, cancellationToken).ConfigureAwait(false) is { } id)
            {
                (stored ??= new SortedSet<string>(StringComparer.Ordinal)).Add(id);
            }
        }

        if (stored is null)
        {
            return candidateId;
        }

        foreach (var id in stored)
        {
            if (await store.GetPersonAsync(id, cancellationToken).ConfigureAwait(false) is not { } person)
            {
                continue;
            }

            keys.AddRange(person.Keys.Where(k => !keys.Contains(k)));
            sources.AddRange(person.Sources.Where(s => !sources.Contains(s)));
        }

        return stored.Min!;
    }
}
