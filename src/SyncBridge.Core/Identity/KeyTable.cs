namespace SyncBridge.Core.Identity;

/// <summary>
/// A compact map from a 64-bit key hash to a non-negative int (open addressing, linear probing, power-of-two capacity,
/// load at most 70%): 12 bytes a slot instead of a <see cref="Dictionary{TKey, TValue}"/>'s ~28 bytes an entry plus
/// spare capacity. Keys are already well-mixed hashes; a Fibonacci multiply spreads them over the slots.
/// </summary>
internal sealed class KeyTable
{
    private const int Empty = -1;
    private ulong[] _keys;
    private int[] _values;
    private int _shift;

    public KeyTable()
    {
        _keys = new ulong[16];
        _values = new int[16];
        Array.Fill(_values, Empty);
        _shift = 64 - 4;
    }

    public int Count { get; private set; }

    public bool TryGetValue(ulong key, out int value)
    {
        var mask = _keys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var current = _values[slot];
            if (current == Empty)
            {
                value = Empty;
                return false;
            }

            if (_keys[slot] == key)
            {
                value = current;
                return true;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>; when absent, adds <paramref name="value"/> and returns it.</summary>
    public int GetOrAdd(ulong key, int value, out bool existed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if ((Count + 1) * 10L > _keys.Length * 7L)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var current = _values[slot];
            if (current == Empty)
            {
                _keys[slot] = key;
                _values[slot] = value;
                Count++;
                existed = false;
                return value;
            }

            if (_keys[slot] == key)
            {
                existed = true;
                return current;
            }
        }
    }

    /// <summary>Every entry, in slot order.</summary>
    public IEnumerable<(ulong Key, int Value)> Entries()
    {
        for (var slot = 0; slot < _values.Length; slot++)
        {
            if (_values[slot] != Empty)
            {
                yield return (_keys[slot], _values[slot]);
            }
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var oldKeys = _keys;
        var oldValues = _values;
        _keys = new ulong[oldKeys.Length * 2];
        _values = new int[oldValues.Length * 2];
        Array.Fill(_values, Empty);
        _shift--;
        Count = 0;
        for (var slot = 0; slot < oldValues.Length; slot++)
        {
            if (oldValues[slot] != Empty)
            {
                _ = GetOrAdd(oldKeys[slot], oldValues[slot], out _);
            }
        }
    }
}
