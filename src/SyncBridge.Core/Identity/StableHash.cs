using System.Text;

namespace SyncBridge.Core.Identity;

/// <summary>
/// FNV-1a 64 (offset basis 14695981039346656037, prime 1099511628211) over UTF-8 bytes: a hash that is the same on
/// every machine and run, unlike <see cref="string.GetHashCode()"/>. Used for identity keys and person ids.
/// </summary>
internal static class StableHash
{
    public const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const byte Separator = 0x1F;

    /// <summary>The hash of a key: the kind's digit, a U+001F separator, then the value's UTF-8 bytes.</summary>
    public static ulong Of(IdentityKeyKind kind, string value)
    {
        var hash = Step(OffsetBasis, (byte)('0' + (int)kind));
        hash = Step(hash, Separator);
        return Append(hash, value);
    }

    /// <summary>Continues <paramref name="hash"/> with a U+001F separator and the UTF-8 bytes of <paramref name="value"/>.</summary>
    public static ulong AppendField(ulong hash, string value) => Append(Step(hash, Separator), value);

    public static ulong Append(ulong hash, string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            // Encode in slices so long values need no heap buffer; never split a surrogate pair.
            var take = Math.Min(span.Length, 64);
            if (take < span.Length && char.IsHighSurrogate(span[take - 1]))
            {
                take--;
            }

            var written = Encoding.UTF8.GetBytes(span[..take], buffer);
            foreach (var b in buffer[..written])
            {
                hash = Step(hash, b);
            }

            span = span[take..];
        }

        return hash;
    }

    public static ulong Step(ulong hash, byte value) => (hash ^ value) * Prime;
}
