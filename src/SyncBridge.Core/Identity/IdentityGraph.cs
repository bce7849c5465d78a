using System.Globalization;
using System.Runtime.InteropServices;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Resolves records to persons. Records are added one at a time; afterwards every record's person id can be
/// asked for. Merging is transitive. Memory grows with the number of records and distinct keys, not with record size:
/// keys are kept as 64-bit hashes (<see cref="IdentityKey.Hash"/>), never as strings.
/// </summary>
/// <remarks>
/// <para>The rules (normalize contract, "Identity"):</para>
/// <list type="number">
/// <item>Records sharing an email match key or a source key are the same person (union-find, transitive).</item>
/// <item>A phone-name key joins clusters only where at least one side has no valid email. Resolution is done as a
/// whole, so the partition does not depend on the order records were added: clusters without a valid email that
/// share phone-name keys form one group; the group joins the single email-bearing cluster it shares a phone-name key
/// with. When it shares phone-name keys with two or more different email-bearing clusters the join is ambiguous and
/// the group stays a person of its own (it is never guessed into one of them).</item>
/// <item>A record with no key is a person of its own.</item>
/// </list>
/// <para>Person id: <c>p_</c> + 16 lower-case hex digits of the FNV-1a 64 hash (<see cref="IdentityKey.Hash"/>) of the
/// cluster's representative key: the email or source key with the smallest hash, or when the cluster has none, its
/// phone-name key with the smallest hash. A record without keys gets the hash of its content fingerprint and its
/// occurrence number among identical records. So the id depends only on the set of records, not on their order.</para>
/// <para>Resolution runs lazily on the first <see cref="PersonIdOf"/> or <see cref="Clusters"/> after an
/// <see cref="Add(CanonicalContact, string?)"/>, in time linear in records plus keys; add in batches, then read.
/// Not thread-safe.</para>
/// </remarks>
public sealed class IdentityGraph
{
    private const int Ambiguous = -2;
    private const int None = -1;

    // Union-find over record handles joined by email and source keys only (path halving, union by size).
    private readonly List<int> _parent = [];
    private readonly List<int> _size = [];
    private readonly List<bool> _hasEmail = [];

    // Email and source key hash → a handle that carries it.
    private readonly KeyTable _strongKeyOwner = new();

    // Phone-name keys: hash → index; and (index, handle) pairs, one per record carrying the key.
    private readonly KeyTable _phoneKeyIndex = new();
    private readonly List<ulong> _phoneKeyHashes = [];
    private readonly List<int> _pairKey = [];
    private readonly List<int> _pairHandle = [];

    // Records without keys: content fingerprint → occurrences so far; handle → id hash.
    private readonly Dictionary<ulong, int> _keylessCounts = [];
    private readonly Dictionary<int, ulong> _keylessIds = [];

    private readonly List<(IdentityKeyKind Kind, ulong Hash)> _scratch = new(4);

    private int[] _resolvedRoot = [];
    private ulong[] _resolvedId = [];
    private bool _resolved = true;

    /// <summary>The number of records added.</summary>
    public int Count => _parent.Count;

    /// <summary>Adds a normalized record; returns its handle (0, 1, 2, … in order of addition).</summary>
    public int Add(CanonicalContact contact) => Add(contact, sourceKey: null);

    /// <summary>
    /// Adds a normalized record; returns its handle (0, 1, 2, … in order of addition). <paramref name="sourceKey"/>
    /// overrides the source keys taken from the contact (see <see cref="IdentityKey.KeysOf"/>): a CSV row passes
    /// <see cref="IdentityKey.SourceKeyOf"/>(source, source_id), which is blank when source_id is blank.
    /// </summary>
    public int Add(CanonicalContact contact, string? sourceKey)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var handle = _parent.Count;
        _parent.Add(handle);
        _size.Add(1);
        _hasEmail.Add(false);
        _resolved = false;

        _scratch.Clear();
        IdentityKeyHasher.AddKeyHashes(contact, sourceKey, _scratch);
        if (_scratch.Count == 0)
        {
            AddKeyless(contact, handle);
            return handle;
        }

        foreach (var (kind, hash) in _scratch)
        {
            switch (kind)
            {
                case IdentityKeyKind.Email or IdentityKeyKind.Source:
                    if (kind == IdentityKeyKind.Email)
                    {
                        _hasEmail[Find(handle)] = true;
                    }

                    var owner = _strongKeyOwner.GetOrAdd(hash, handle, out var known);
                    if (known)
                    {
                        Union(owner, handle);
                    }

                    break;

                default:
                    var index = _phoneKeyIndex.GetOrAdd(hash, _phoneKeyHashes.Count, out var exists);
                    if (!exists)
                    {
                        _phoneKeyHashes.Add(hash);
                    }

                    _pairKey.Add(index);
                    _pairHandle.Add(handle);
                    break;
            }
        }

        return handle;
    }

    /// <summary>The person id of a record added earlier. Stable for the same input, whatever the order of unrelated records.</summary>
    public string PersonIdOf(int handle)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(handle);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(handle, Count);
        EnsureResolved();
        return FormatPersonId(_resolvedId[_resolvedRoot[handle]]);
    }

    /// <summary>The number of distinct persons the records resolve to.</summary>
    public int PersonCount()
    {
        EnsureResolved();
        var seen = new System.Collections.BitArray(Math.Max(_resolvedId.Length, 1));
        var persons = 0;
        foreach (var root in _resolvedRoot)
        {
            if (!seen[root])
            {
                seen[root] = true;
                persons++;
            }
        }

        return persons;
    }

    /// <summary>Every person with the handles of its records, ordered by each person's smallest handle.</summary>
    public IReadOnlyList<IdentityCluster> Clusters()
    {
        EnsureResolved();
        var count = _resolvedRoot.Length;

        // Counting sort of handles by root: two int arrays, no per-cluster list.
        var sizes = new int[count];
        foreach (var root in _resolvedRoot)
        {
            sizes[root]++;
        }

        var start = new int[count];
        var clusters = new List<IdentityCluster>();
        var offset = 0;
        for (var handle = 0; handle < count; handle++)
        {
            var root = _resolvedRoot[handle];
            if (sizes[root] > 0)
            {
                // The first handle of this cluster: reserve its slice.
                start[root] = offset;
                offset += sizes[root];
                sizes[root] = -sizes[root];
            }
        }

        var handles = new int[count];
        var next = (int[])start.Clone();
        for (var handle = 0; handle < count; handle++)
        {
            handles[next[_resolvedRoot[handle]]++] = handle;
        }

        for (var handle = 0; handle < count; handle++)
        {
            var root = _resolvedRoot[handle];
            if (handles[start[root]] == handle)
            {
                // The cluster's smallest handle: its slice is complete and ascending.
                clusters.Add(new IdentityCluster(FormatPersonId(_resolvedId[root]), new ArraySegment<int>(handles, start[root], -sizes[root])));
            }
        }

        return clusters;
    }

    internal static string FormatPersonId(ulong hash) =>
        string.Create(CultureInfo.InvariantCulture, $"p_{hash:x16}");

    private void AddKeyless(CanonicalContact contact, int handle)
    {
        var fingerprint = StableHash.Step(StableHash.OffsetBasis, (byte)'0');
        fingerprint = StableHash.AppendField(fingerprint, contact.Source.ToString());
        fingerprint = StableHash.AppendField(fingerprint, contact.FamilyName);
        fingerprint = StableHash.AppendField(fingerprint, contact.GivenName);
        fingerprint = StableHash.AppendField(fingerprint, contact.Email.Original);
        fingerprint = StableHash.AppendField(fingerprint, contact.Phone.Original);
        fingerprint = StableHash.AppendField(fingerprint, contact.Mobile.Original);
        fingerprint = StableHash.AppendField(fingerprint, contact.Company.Name);
        fingerprint = StableHash.AppendField(fingerprint, contact.Title);
        fingerprint = StableHash.AppendField(fingerprint, contact.DepartmentText);
        fingerprint = StableHash.AppendField(fingerprint, contact.CountryCode);

        ref var occurrences = ref CollectionsMarshal.GetValueRefOrAddDefault(_keylessCounts, fingerprint, out _);
        var id = StableHash.AppendField(fingerprint, occurrences.ToString(CultureInfo.InvariantCulture));
        occurrences++;
        _keylessIds.Add(handle, id);
    }

    private int Find(int handle)
    {
        var parent = CollectionsMarshal.AsSpan(_parent);
        return Find(parent, handle);
    }

    private static int Find(Span<int> parent, int node)
    {
        while (parent[node] != node)
        {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }

        return node;
    }

    private void Union(int a, int b)
    {
        var parent = CollectionsMarshal.AsSpan(_parent);
        var size = CollectionsMarshal.AsSpan(_size);
        var hasEmail = CollectionsMarshal.AsSpan(_hasEmail);
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb)
        {
            return;
        }

        if (size[ra] < size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        parent[rb] = ra;
        size[ra] += size[rb];
        hasEmail[ra] |= hasEmail[rb];
    }

    private static void Union(Span<int> parent, Span<int> size, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb)
        {
            return;
        }

        if (size[ra] < size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        parent[rb] = ra;
        size[ra] += size[rb];
    }

    private void EnsureResolved()
    {
        if (!_resolved)
        {
            Resolve();
            _resolved = true;
        }
    }

    private void Resolve()
    {
        var count = _parent.Count;
        var strongParent = CollectionsMarshal.AsSpan(_parent);
        var hasEmail = CollectionsMarshal.AsSpan(_hasEmail);

        // The final union-find starts as the email/source partition.
        var parent = new int[count];
        var size = new int[count];
        for (var handle = 0; handle < count; handle++)
        {
            parent[handle] = Find(strongParent, handle);
        }

        var strongSize = CollectionsMarshal.AsSpan(_size);
        for (var handle = 0; handle < count; handle++)
        {
            size[handle] = parent[handle] == handle ? strongSize[handle] : 0;
        }

        // Per phone-name key: the clusters without email that carry it are joined (at least one side has no email);
        // the email-bearing clusters that carry it are remembered as the key's anchor (or Ambiguous when several).
        var keyCount = _phoneKeyHashes.Count;
        var noEmailRep = new int[keyCount];
        var anchor = new int[keyCount];
        Array.Fill(noEmailRep, None);
        Array.Fill(anchor, None);
        var pairKey = CollectionsMarshal.AsSpan(_pairKey);
        var pairHandle = CollectionsMarshal.AsSpan(_pairHandle);
        for (var i = 0; i < pairKey.Length; i++)
        {
            var key = pairKey[i];
            var strongRoot = Find(strongParent, pairHandle[i]);
            if (hasEmail[strongRoot])
            {
                anchor[key] = anchor[key] == None || anchor[key] == strongRoot ? strongRoot : Ambiguous;
            }
            else if (noEmailRep[key] == None)
            {
                noEmailRep[key] = strongRoot;
            }
            else
            {
                Union(parent, size, noEmailRep[key], strongRoot);
            }
        }

        // Each group of email-less clusters joins its email-bearing cluster when there is exactly one.
        var groupAnchor = new Dictionary<int, int>();
        for (var key = 0; key < keyCount; key++)
        {
            if (noEmailRep[key] == None || anchor[key] == None)
            {
                continue;
            }

            var group = Find(parent, noEmailRep[key]);
            ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(groupAnchor, group, out var seen);
            current = !seen || current == anchor[key] ? anchor[key] : Ambiguous;
        }

        foreach (var (group, cluster) in groupAnchor)
        {
            if (cluster != Ambiguous)
            {
                Union(parent, size, group, cluster);
            }
        }

        // Person ids from the representative key of each final cluster.
        var strongMin = new ulong[count];
        var phoneMin = new ulong[count];
        Array.Fill(strongMin, ulong.MaxValue);
        Array.Fill(phoneMin, ulong.MaxValue);
        var hasStrong = new bool[count];
        foreach (var (hash, owner) in _strongKeyOwner.Entries())
        {
            var root = Find(parent, owner);
            hasStrong[root] = true;
            strongMin[root] = Math.Min(strongMin[root], hash);
        }

        var phoneKeyHashes = CollectionsMarshal.AsSpan(_phoneKeyHashes);
        for (var i = 0; i < pairKey.Length; i++)
        {
            var root = Find(parent, pairHandle[i]);
            phoneMin[root] = Math.Min(phoneMin[root], phoneKeyHashes[pairKey[i]]);
        }

        var resolvedRoot = new int[count];
        var resolvedId = new ulong[count];
        for (var handle = 0; handle < count; handle++)
        {
            var root = Find(parent, handle);
            resolvedRoot[handle] = root;
            if (root == handle)
            {
                resolvedId[root] = _keylessIds.TryGetValue(handle, out var keyless) ? keyless
                    : hasStrong[root] ? strongMin[root] : phoneMin[root];
            }
        }

        _resolvedRoot = resolvedRoot;
        _resolvedId = resolvedId;
    }
}
