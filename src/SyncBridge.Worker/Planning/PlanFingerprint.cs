using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Worker.Planning;

/// <summary>
/// The state a plan was made from: the contact store's last change sequence, and a hash over the last-written
/// snapshots of every target the plan covers. <c>apply</c> recomputes both and refuses the plan when either moved
/// (new contacts were polled, or another run wrote to one of the records since).
/// </summary>
internal sealed record PlanFingerprint(long ContactSequence, string SnapshotHash)
{
    private const string Prefix = "sha256:";

    /// <summary>
    /// Hashes the snapshots of <paramref name="targets"/> (order and duplicates do not matter; a target without a
    /// snapshot hashes as absent, which differs from an empty one).
    /// </summary>
    public static string HashSnapshots(
        IEnumerable<SourceRef> targets,
        IReadOnlyDictionary<SourceRef, IReadOnlyDictionary<string, string>> snapshots)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(snapshots);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var target in targets.Distinct().OrderBy(t => t.ToString(), StringComparer.Ordinal))
        {
            Append(hash, target.ToString());
            if (!snapshots.TryGetValue(target, out var snapshot))
            {
                Append(hash, "\u0001absent");
                continue;
            }

            Append(hash, snapshot.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, value) in snapshot.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Append(hash, name);
                Append(hash, value ?? string.Empty);
            }
        }

        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"contact change {ContactSequence}, snapshots {SnapshotHash}");

    /// <summary>Length-prefixed, so no two different sequences of strings hash the same input.</summary>
    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
