using System.Text;

namespace SyncBridge.Core.Identity;

/// <summary>
/// FNV-1a 64 (offset basis 14695981039346656037, prime 1099511628211) over UTF-8 bytes: a hash that is the same on
/// every machine and run, unlike <see cref="string.GetHashCode()"/>. Used for identity keys and person ids. Streaming:
/// appending "ab" then "c" gives the hash of "abc", so keys are hashed from their parts without building strings.
/// </summary>
internal static class StableHash
{
    public const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const byte Separator = 0x1F;

    /// <summary>The hash of a key: the kind's digit, a U+001F separator, then the value's UTF-8 bytes.</summary>
    public static ulong Of(IdentityKeyKind kind, string value) => Append(Start(kind), value);

    /// <summary>The hash state after the kind's digit and the separator; continue with <see cref="Append(ulong, ReadOnlySpan{char})"/>.</summary>
    public static ulong Start(IdentityKeyKind kind) => Step(Step(OffsetBasis, (byte)('0' + (int)kind)), Separator);

    /// <summary>Continues <paramref name="hash"/> with a U+001F separator and the UTF-8 bytes of <paramref name="value"/>.</summary>
    public static ulong AppendField(ulong hash, string value) => Append(Step(hash, Separator), value);

    public static ulong Append(ulong hash, ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c < 0x80)
            {
                hash = Step(hash, (byte)c);
                i++;
                continue;
            }

            // A lone surrogate decodes as U+FFFD, as Encoding.UTF8 writes it.
            _ = Rune.DecodeFromUtf16(value[i..], out var rune, out var consumed);
            var written = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..written])
            {
                hash = Step(hash, b);
            }

            i += consumed;
        }

        return hash;
    }

    /// <summary>Continues with the invariant lower case of <paramref name="value"/> (as <see cref="string.ToLowerInvariant"/>).</summary>
    public static ulong AppendLowerInvariant(ulong hash, ReadOnlySpan<char> value)
    {
        if (value.Length > 256)
        {
            return Append(hash, value.ToString().ToLowerInvariant());
        }

        Span<char> lower = stackalloc char[value.Length];
        _ = value.ToLowerInvariant(lower);
        return Append(hash, lower);
    }

    public static ulong Step(ulong hash, byte value) => (hash ^ value) * Prime;
}
