using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// One key that can tie records to a person. Email and source keys join records unconditionally; a phone-name key
/// joins only where at least one side has no valid email (see <see cref="IdentityGraph"/>).
/// </summary>
public readonly record struct IdentityKey(IdentityKeyKind Kind, string Value)
{
    /// <summary>
    /// A stable 64-bit hash of the key: FNV-1a 64 over the kind's digit, a <c>U+001F</c> separator and the UTF-8
    /// bytes of <see cref="Value"/>. The same on every machine and run (unlike <see cref="string.GetHashCode()"/>).
    /// </summary>
    public ulong Hash => StableHash.Of(Kind, Value);

    /// <summary>The contract's source key for a file row: <c>lower(source) + ":" + source_id</c>; empty when source_id is blank.</summary>
    /// <remarks>Both parts are trimmed; the source name is lower-cased with the invariant culture, the id is kept as written.</remarks>
    public static string SourceKeyOf(string? sourceName, string? sourceId)
    {
        var id = sourceId?.Trim() ?? string.Empty;
        return id.Length == 0
            ? string.Empty
            : string.Concat((sourceName ?? string.Empty).Trim().ToLowerInvariant(), ":", id);
    }

    /// <summary>
    /// The keys of a normalized contact, in kind order (email, source, phone-name). <paramref name="sourceKey"/> is
    /// the source key when the caller has one (a CSV row: <see cref="SourceKeyOf"/>); a blank string means "no source
    /// key". When it is null the source keys are <see cref="CanonicalContact.Source"/> and every entry of
    /// <see cref="CanonicalContact.Identities"/> with a non-blank id, in their <see cref="SourceRef.ToString"/> form.
    /// </summary>
    public static IReadOnlyList<IdentityKey> KeysOf(CanonicalContact contact, string? sourceKey = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var keys = new List<IdentityKey>(4);
        AddKeys(contact, sourceKey, keys);
        return keys;
    }

    private static void AddKeys(CanonicalContact contact, string? sourceKey, List<IdentityKey> keys)
    {
        if (contact.Email.IsValid && contact.Email.MatchKey.Length > 0)
        {
            keys.Add(new IdentityKey(IdentityKeyKind.Email, contact.Email.MatchKey));
        }

        if (sourceKey is not null)
        {
            if (!string.IsNullOrWhiteSpace(sourceKey))
            {
                keys.Add(new IdentityKey(IdentityKeyKind.Source, sourceKey));
            }
        }
        else
        {
            AddSourceRef(contact.Source, keys);
            foreach (var identity in contact.Identities)
            {
                AddSourceRef(identity, keys);
            }
        }

        var family = contact.FamilyName.Trim();
        var given = contact.GivenName.Trim();
        if (family.Length == 0 && given.Length == 0)
        {
            return;
        }

        var names = string.Concat("|", family.ToLowerInvariant(), "|", given.ToLowerInvariant());
        AddPhoneName(contact.Phone, names, keys);
        AddPhoneName(contact.Mobile, names, keys);
    }

    private static void AddSourceRef(SourceRef source, List<IdentityKey> keys)
    {
        if (string.IsNullOrWhiteSpace(source.Id))
        {
            return;
        }

        var key = new IdentityKey(IdentityKeyKind.Source, source.ToString());
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    private static void AddPhoneName(PhoneNumber phone, string names, List<IdentityKey> keys)
    {
        if (!phone.IsValid || phone.E164.Length == 0)
        {
            return;
        }

        var key = new IdentityKey(IdentityKeyKind.PhoneName, phone.E164 + names);
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }
}
