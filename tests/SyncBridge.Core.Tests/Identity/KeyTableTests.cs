using SyncBridge.Core.Identity;

namespace SyncBridge.Core.Tests.Identity;

public sealed class KeyTableTests
{
    [Fact]
    public void GetOrAdd_ManyKeys_BehavesLikeADictionary()
    {
        var table = new KeyTable();
        var reference = new Dictionary<ulong, int>();
        var random = new Random(7);
        for (var i = 0; i < 50_000; i++)
        {
            // Small key space half the time, so keys repeat; some keys differ only in the high bits.
            var key = random.Next(2) == 0 ? (ulong)random.Next(5000) : (ulong)random.NextInt64() << 20;
            var value = table.GetOrAdd(key, i, out var existed);
            var expectedExisted = !reference.TryAdd(key, i);

            Assert.Equal(expectedExisted, existed);
            Assert.Equal(reference[key], value);
        }

        Assert.Equal(reference.Count, table.Count);
        Assert.Equal(reference.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)), table.Entries().OrderBy(e => e.Key));
        foreach (var (key, value) in reference)
        {
            Assert.True(table.TryGetValue(key, out var found));
            Assert.Equal(value, found);
        }

        Assert.False(table.TryGetValue(ulong.MaxValue - 3, out _));
    }

    [Fact]
    public void GetOrAdd_ZeroAndMaxKeys_AreOrdinaryKeys()
    {
        var table = new KeyTable();
        Assert.Equal(1, table.GetOrAdd(0, 1, out var zeroExisted));
        Assert.Equal(2, table.GetOrAdd(ulong.MaxValue, 2, out _));
        Assert.False(zeroExisted);
        Assert.Equal(1, table.GetOrAdd(0, 9, out var again));
        Assert.True(again);
    }
}
