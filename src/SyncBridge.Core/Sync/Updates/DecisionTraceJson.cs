using System.Text;
using System.Text.Json;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// The stored form of a decision trace: a JSON array of <c>{"rule":…,"fired":…,"inputs":{name:value,…}}</c> in
/// evaluation order; an empty string when there is no trace.
/// </summary>
public static class DecisionTraceJson
{
    public static string Write(DecisionTrace? trace)
    {
        if (trace is null)
        {
            return string.Empty;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteEntries(writer, trace);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the trace's entries as that JSON array (empty when there is no trace) at the writer's position.</summary>
    public static void WriteEntries(Utf8JsonWriter writer, DecisionTrace? trace)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var entry in trace?.Entries ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("rule", entry.Rule);
            writer.WriteBoolean("fired", entry.Fired);
            writer.WriteStartObject("inputs");
            foreach (var input in entry.Inputs)
            {
                writer.WriteString(input.Name, input.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
