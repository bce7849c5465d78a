using System.Text.Json;

namespace SyncBridge.Simulators;

/// <summary>
/// Every write a simulator applied, per record, in the order applied. Thread-safe; the simulator appends while it
/// holds its own store lock, so <see cref="SimulatorWrite.Sequence"/> is the true order of application.
/// </summary>
public sealed class SimulatorWriteLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<SimulatorWrite>> _byRecord = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private long _sequence;

    public SimulatorWriteLog(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Writes recorded so far, all records.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _byRecord.Values.Sum(writes => (long)writes.Count);
            }
        }
    }

    /// <summary>Records one applied write; returns it.</summary>
    public SimulatorWrite Append(string recordId, string endpoint, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        ArgumentNullException.ThrowIfNull(values);
        var copy = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        lock (_gate)
        {
            var write = new SimulatorWrite(++_sequence, recordId, _timeProvider.GetUtcNow(), endpoint, copy);
            if (!_byRecord.TryGetValue(recordId, out var writes))
            {
                writes = [];
                _byRecord.Add(recordId, writes);
            }

            writes.Add(write);
            return write;
        }
    }

    /// <summary>The writes applied to <paramref name="recordId"/>, oldest first (empty when none).</summary>
    public IReadOnlyList<SimulatorWrite> For(string recordId)
    {
        lock (_gate)
        {
            return _byRecord.TryGetValue(recordId, out var writes) ? [.. writes] : [];
        }
    }

    /// <summary>Every write, in the order applied.</summary>
    public IReadOnlyList<SimulatorWrite> All()
    {
        lock (_gate)
        {
            return _byRecord.Values.SelectMany(writes => writes).OrderBy(write => write.Sequence).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byRecord.Clear();
        }
    }

    /// <summary>
    /// <c>{"count": n, "records": {"id": [{"sequence", "at", "endpoint", "values": {…}}, …]}}</c>, records in id order;
    /// only <paramref name="recordId"/> when given.
    /// </summary>
    public void WriteJson(Utf8JsonWriter writer, string? recordId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        List<KeyValuePair<string, SimulatorWrite[]>> records;
        lock (_gate)
        {
            records = _byRecord
                .Where(pair => recordId is null || string.Equals(pair.Key, recordId, StringComparison.Ordinal))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new KeyValuePair<string, SimulatorWrite[]>(pair.Key, [.. pair.Value]))
                .ToList();
        }

        writer.WriteStartObject();
        writer.WriteNumber("count", records.Sum(pair => (long)pair.Value.Length));
        writer.WriteStartObject("records");
        foreach (var (id, writes) in records)
        {
            writer.WriteStartArray(id);
            foreach (var write in writes)
            {
                writer.WriteStartObject();
                writer.WriteNumber("sequence", write.Sequence);
                writer.WriteString("at", write.At);
                writer.WriteString("endpoint", write.Endpoint);
                writer.WriteStartObject("values");
                foreach (var (name, value) in write.Values)
                {
                    if (value is null)
                    {
                        writer.WriteNull(name);
                    }
                    else
                    {
                        writer.WriteString(name, value);
                    }
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
