using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>A resolved person as the identity store keeps it: its id, the keys that identify it and its source records.</summary>
public sealed record PersonRecord(string PersonId, IReadOnlyList<IdentityKey> Keys, IReadOnlyList<SourceRef> Sources)
{
    /// <summary>
    /// The record of a person made of <paramref name="contacts"/> (e.g. the contacts of one
    /// <see cref="IdentityCluster"/>): the distinct keys of every contact (<see cref="IdentityKey.KeysOf"/>, source keys from
    /// the contact) and every source record with an id (<see cref="CanonicalContact.Source"/> and its identities).
    /// </summary>
    public static PersonRecord Of(string personId, IEnumerable<CanonicalContact> contacts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(contacts);
        var keys = new List<IdentityKey>();
        var seenKeys = new HashSet<IdentityKey>();
        var sources = new List<SourceRef>();
        var seenSources = new HashSet<SourceRef>();
        foreach (var contact in contacts)
        {
            foreach (var key in IdentityKey.KeysOf(contact))
            {
                if (seenKeys.Add(key))
                {
                    keys.Add(key);
                }
            }

            foreach (var source in contact.Identities.Prepend(contact.Source))
            {
                if (!string.IsNullOrWhiteSpace(source.Id) && seenSources.Add(source))
                {
                    sources.Add(source);
                }
            }
        }

        return new PersonRecord(personId, keys, sources);
    }
}
