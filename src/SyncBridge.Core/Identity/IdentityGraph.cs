using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Resolves records to persons. Records are added one at a time; afterwards every record's person id can be
/// asked for. Merging is transitive. Memory grows with the number of distinct keys, not with record size.
/// </summary>
public sealed class IdentityGraph
{
    private readonly List<string> _personIds = [];

    /// <summary>Adds a normalized record; returns its handle (0, 1, 2, … in order of addition).</summary>
    public int Add(CanonicalContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        _ = _personIds.Count;
        throw new NotImplementedException("PENDING: identity resolution (issue 2)");
    }

    /// <summary>The person id of a record added earlier. Stable for the same input, whatever the order of unrelated records.</summary>
    public string PersonIdOf(int handle) => _personIds.Count > handle ? _personIds[handle] : throw new NotImplementedException("PENDING: identity resolution (issue 2)");
}
