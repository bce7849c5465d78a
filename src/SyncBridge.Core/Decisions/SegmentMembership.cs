namespace SyncBridge.Core.Decisions;

/// <summary>The segments a person belongs to: a bit per configured segment, names in configuration order (ordinal).</summary>
public readonly struct SegmentMembership : IEquatable<SegmentMembership>
{
    private readonly string[]? _names;

    internal SegmentMembership(ulong mask, string[] names)
    {
        Mask = mask;
        _names = names;
    }

    public ulong Mask { get; }

    public bool IsEmpty => Mask == 0;

    /// <summary>Whether the person is in the segment called <paramref name="name"/>.</summary>
    public bool Contains(string name)
    {
        var index = _names is null ? -1 : Array.IndexOf(_names, name);
        return index >= 0 && (Mask & (1UL << index)) != 0;
    }

    /// <summary>The names of the segments the person is in.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            if (Mask == 0 || _names is null)
            {
                return [];
            }

            var names = new List<string>();
            for (var i = 0; i < _names.Length; i++)
            {
                if ((Mask & (1UL << i)) != 0)
                {
                    names.Add(_names[i]);
                }
            }

            return names;
        }
    }

    public bool Equals(SegmentMembership other) => Mask == other.Mask && ReferenceEquals(_names, other._names);

    public override bool Equals(object? obj) => obj is SegmentMembership other && Equals(other);

    public override int GetHashCode() => Mask.GetHashCode();

    public static bool operator ==(SegmentMembership left, SegmentMembership right) => left.Equals(right);

    public static bool operator !=(SegmentMembership left, SegmentMembership right) => !left.Equals(right);
}
