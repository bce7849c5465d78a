using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// The keys of a contact as 64-bit hashes, computed from their parts without building the key strings: the hot path of
/// <see cref="IdentityGraph"/>. Gives exactly <see cref="IdentityKey.Hash"/> of each key of <see cref="IdentityKey.KeysOf"/>.
/// </summary>
internal static class IdentityKeyHasher
{
    private static readonly string[] SystemNames =
        [.. Enum.GetValues<SourceSystem>().Select(s => s.ToName())];

    public static void AddKeyHashes(CanonicalContact contact, string? sourceKey, List<(IdentityKeyKind Kind, ulong Hash)> keys)
    {
        if (contact.Email.IsValid && contact.Email.MatchKey.Length > 0)
        {
            keys.Add((IdentityKeyKind.Email, StableHash.Of(IdentityKeyKind.Email, contact.Email.MatchKey)));
        }

        if (sourceKey is not null)
        {
            if (!string.IsNullOrWhiteSpace(sourceKey))
            {
                keys.Add((IdentityKeyKind.Source, StableHash.Of(IdentityKeyKind.Source, sourceKey)));
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

        var family = contact.FamilyName.AsSpan().Trim();
        var given = contact.GivenName.AsSpan().Trim();
        if (family.IsEmpty && given.IsEmpty)
        {
            return;
        }

        AddPhoneName(contact.Phone, family, given, keys);
        AddPhoneName(contact.Mobile, family, given, keys);
    }

    private static void AddSourceRef(SourceRef source, List<(IdentityKeyKind Kind, ulong Hash)> keys)
    {
        if (string.IsNullOrWhiteSpace(source.Id))
        {
            return;
        }

        // SourceRef.ToString(): system:objectType:id
        var index = (int)source.System;
        var hash = StableHash.Start(IdentityKeyKind.Source);
        hash = StableHash.Append(hash, index >= 0 && index < SystemNames.Length ? SystemNames[index] : source.System.ToName());
        hash = StableHash.Append(hash, ":");
        hash = StableHash.Append(hash, source.ObjectType);
        hash = StableHash.Append(hash, ":");
        hash = StableHash.Append(hash, source.Id);
        AddDistinct((IdentityKeyKind.Source, hash), keys);
    }

    private static void AddPhoneName(PhoneNumber phone, ReadOnlySpan<char> family, ReadOnlySpan<char> given, List<(IdentityKeyKind Kind, ulong Hash)> keys)
    {
        if (!phone.IsValid || phone.E164.Length == 0)
        {
            return;
        }

        var hash = StableHash.Append(StableHash.Start(IdentityKeyKind.PhoneName), phone.E164);
        hash = StableHash.Append(hash, "|");
        hash = StableHash.AppendLowerInvariant(hash, family);
        hash = StableHash.Append(hash, "|");
        hash = StableHash.AppendLowerInvariant(hash, given);
        AddDistinct((IdentityKeyKind.PhoneName, hash), keys);
    }

    private static void AddDistinct((IdentityKeyKind Kind, ulong Hash) key, List<(IdentityKeyKind Kind, ulong Hash)> keys)
    {
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }
}
