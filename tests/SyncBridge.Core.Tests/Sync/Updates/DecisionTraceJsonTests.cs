using System.Text.Json;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Decisions;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class DecisionTraceJsonTests
{
    [Fact]
    public void Write_NoTrace_Empty()
    {
        Assert.Equal(string.Empty, DecisionTraceJson.Write(null));
    }

    [Fact]
    public void Write_RealTrace_ArrayOfRulesInOrderWithInputs()
    {
        var settings = People.Bare();
        var decision = settings.Decide(People.Contact(), trace: true);
        Assert.NotNull(decision.Trace);

        using var json = JsonDocument.Parse(DecisionTraceJson.Write(decision.Trace));

        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(decision.Trace.Entries.Count, entries.Count);
        Assert.NotEmpty(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var expected = decision.Trace.Entries[i];
            Assert.Equal(expected.Rule, entries[i].GetProperty("rule").GetString());
            Assert.Equal(expected.Fired, entries[i].GetProperty("fired").GetBoolean());
            var inputs = entries[i].GetProperty("inputs").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ToList();
            Assert.Equal(expected.Inputs.Select(x => (x.Name, (string?)x.Value)), inputs);
        }
    }
}
