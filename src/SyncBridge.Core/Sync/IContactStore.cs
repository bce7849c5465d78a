using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync;

/// <summary>
/// Where each source record's latest canonical contact survives a restart, filed under the person it belongs to, so
/// that a person can be decided from what the store holds. Implemented by the state store adapters.
/// A record's person follows its identity link: when persons merge (<see cref="Identity.IIdentityStore.SavePersonsAsync"/>
/// moves a source record's link), the record's contact moves with it.
/// </summary>
public interface IContactStore
{
    /// <summary>
    /// Saves the contacts in one transaction, each under its <see cref="CanonicalContact.Source"/> (which must have an id).
    /// A record already linked to a person (identity store) is filed under that person whatever person is given. A record
    /// whose contact and person are unchanged keeps its change sequence; every other saved record takes a new, higher one.
    /// </summary>
    Task SaveContactsAsync(IReadOnlyList<PersonContact> contacts, CancellationToken cancellationToken);

    /// <summary>
    /// The contacts of the given persons, by person id, each person's in record order (system, object type, id).
    /// Persons with no stored contact are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<CanonicalContact>>> GetContactsOfPersonsAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken);

    /// <summary>
    /// The persons whose records changed after <paramref name="afterSequence"/> (0 = from the start), in the order
    /// they changed, at most <paramref name="max"/>, and the sequence to pass next time. A person listed may be listed
    /// again later (it changed again); a person merged away since is no longer listed.
    /// </summary>
    Task<ChangedPersons> ListChangedPersonsAsync(long afterSequence, int max, CancellationToken cancellationToken);
}
