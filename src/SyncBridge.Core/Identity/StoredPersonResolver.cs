using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Joins newly resolved records with the persons stored before. A person that shares a key or a source record with
/// stored persons takes the smallest stored id (ordinal) and absorbs their keys and links, so saving it merges them
/// (<see cref="IIdentityStore.SavePersonsAsync"/> moves keys and links and removes persons left empty).
/// </summary>
public sealed class StoredPersonResolver(IIdentityStore store)
{
    /// <summary>
    /// Adds a record's identity keys (<see cref="IdentityKey.KeysOf"/>; <paramref name="sourceKey"/> overrides the
    /// source keys as there) and its source records with an id to the lists, without repeats.
    /// </summary>
    public static void Collect(CanonicalContact contact, string? sourceKey, List<IdentityKey> keys, List<SourceRef> sources)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(sources);
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
    /// The person id to store the records under, adding the stored persons' keys and sources to
    /// <paramref name="keys"/> and <paramref name="sources"/>; <paramref name="candidateId"/> when nothing is stored yet.
    /// </summary>
    public async Task<string> ResolveAsync(string candidateId, List<IdentityKey> keys, List<SourceRef> sources, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(candidateId);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(sources);
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

            foreach (var key in person.Keys)
            {
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }

            foreach (var source in person.Sources)
            {
                if (!sources.Contains(source))
                {
                    sources.Add(source);
                }
            }
        }

        return stored.Min!;
    }
}
