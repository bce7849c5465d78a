using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace SyncBridge.Simulators.Tests;

public sealed class SimulatorWriteLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Values(string name, string? value) => new(StringComparer.Ordinal) { [name] = value };

    [Fact]
    public async Task Append_ConcurrentWriters_GivesUniqueContiguousSequencesAndKeepsEachWritersOrder()
    {
        const int Writers = 8;
        const int PerWriter = 500;
        var log = new SimulatorWriteLog(new FakeTimeProvider(Start));

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var value = i.ToString(CultureInfo.InvariantCulture);
                log.Append("own-" + w.ToString(CultureInfo.InvariantCulture), "test", Values("n", value));
                log.Append("shared", "test", Values("w" + w.ToString(CultureInfo.InvariantCulture), value));
            }
        }, TestContext.Current.CancellationToken)));

        var all = log.All();
        Assert.Equal(2 * Writers * PerWriter, log.Count);
        Assert.Equal(Enumerable.Range(1, 2 * Writers * PerWriter).Select(i => (long)i), all.Select(write => write.Sequence));
        for (var w = 0; w < Writers; w++)
        {
            var own = log.For("own-" + w.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, PerWriter).Select(i => i.ToString(CultureInfo.InvariantCulture)), own.Select(write => write.Values["n"]));
            var key = "w" + w.ToString(CultureInfo.InvariantCulture);
            var mine = log.For("shared").Where(write => write.Values.ContainsKey(key)).Select(write => write.Values[key]).ToList();
            Assert.Equal(Enumerable.Range(0, PerWriter).Select(i => i.ToString(CultureInfo.InvariantCulture)), mine);
        }

        var shared = log.For("shared");
        Assert.Equal(shared.Select(write => write.Sequence).Order(), shared.Select(write => write.Sequence));
    }

    [Fact]
    public void Append_RecordsTheClockAndCopiesTheValues()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new SimulatorWriteLog(clock);
        var values = Values("Score__c", "1");

        log.Append("a", "update", values);
        values["Score__c"] = "changed";
        clock.Advance(TimeSpan.FromMinutes(1));
        log.Append("a", "update", Values("Score__c", null));

        var writes = log.For("a");
        Assert.Equal([Start, Start.AddMinutes(1)], writes.Select(write => write.At));
        Assert.Equal("1", writes[0].Values["Score__c"]);
        Assert.Null(writes[1].Values["Score__c"]);
        Assert.Empty(log.For("b"));
    }

    [Fact]
    public void WriteJson_OneRecord_WritesOnlyItsWritesWithNullsKept()
    {
        var log = new SimulatorWriteLog(new FakeTimeProvider(Start));
        log.Append("a", "update", Values("x", "1"));
        log.Append("b", "upsert", Values("y", null));
        log.Append("b", "upsert", Values("y", "2"));

        using var all = Json(log, null);
        using var b = Json(log, "b");

        Assert.Equal(3, all.RootElement.GetProperty("count").GetInt64());
        Assert.Equal(["a", "b"], all.RootElement.GetProperty("records").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, b.RootElement.GetProperty("count").GetInt64());
        var writes = Assert.Single(b.RootElement.GetProperty("records").EnumerateObject()).Value.EnumerateArray().ToList();
        Assert.Equal([2L, 3L], writes.Select(w => w.GetProperty("sequence").GetInt64()));
        Assert.Equal(JsonValueKind.Null, writes[0].GetProperty("values").GetProperty("y").ValueKind);
        Assert.Equal("2", writes[1].GetProperty("values").GetProperty("y").GetString());
        Assert.Equal("upsert", writes[1].GetProperty("endpoint").GetString());
        Assert.Equal(Start, writes[1].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public void Clear_EmptiesTheLog()
    {
        var log = new SimulatorWriteLog(new FakeTimeProvider(Start));
        log.Append("a", "update", Values("x", "1"));

        log.Clear();

        Assert.Equal(0, log.Count);
        Assert.Empty(log.All());
    }

    private static JsonDocument Json(SimulatorWriteLog log, string? id)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            log.WriteJson(writer, id);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }
}
