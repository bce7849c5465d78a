using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Where resolved identities survive a restart: persons with their keys, links from source records to persons, and
/// merge conflicts. Implemented by the state store adapters (SQLite, later PostgreSQL).
/// </summary>
public interface IIdentityStore
{
    /// <summary>
    /// Saves persons in one transaction. Afterwards each given key and source record points to its person: a key or a
    /// link another person held moves (the persons merged); a person left with no key and no link is removed and its
    /// conflicts move to the person that took its keys. Keys and links not given are kept.
    /// </summary>
    Task SavePersonsAsync(IReadOnlyList<PersonRecord> persons, CancellationToken cancellationToken);

    /// <summary>The person with its keys and source records, or null when unknown.</summary>
    Task<PersonRecord?> GetPersonAsync(string personId, CancellationToken cancellationToken);

    /// <summary>The person a source record belongs to, or null when the record was never seen.</summary>
    Task<string?> FindPersonBySourceAsync(SourceRef source, CancellationToken cancellationToken);

    /// <summary>The person that holds <paramref name="key"/>, or null.</summary>
    Task<string?> FindPersonByKeyAsync(IdentityKey key, CancellationToken cancellationToken);

    /// <summary>How many persons are stored.</summary>
    Task<int> CountPersonsAsync(CancellationToken cancellationToken);

    /// <summary>Appends conflicts (the store sets <see cref="MergeConflict.DetectedAt"/>).</summary>
    Task SaveConflictsAsync(IReadOnlyList<MergeConflict> conflicts, CancellationToken cancellationToken);

    /// <summary>Conflicts in the order they were recorded, of one person or (null) of everyone, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<MergeConflict>> ListConflictsAsync(string? personId, int limit, CancellationToken cancellationToken);
}
