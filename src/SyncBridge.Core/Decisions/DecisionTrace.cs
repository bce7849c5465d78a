using System.Globalization;

namespace SyncBridge.Core.Decisions;

/// <summary>
/// The rules evaluated for one person, in evaluation order. Only built when asked for (explain): the decision
/// is computed by the same code either way.
/// </summary>
public sealed class DecisionTrace
{
    private readonly List<TraceEntry> _entries = [];

    public IReadOnlyList<TraceEntry> Entries => _entries;

    internal void Add(string rule, bool fired, params ReadOnlySpan<(string Name, string Value)> inputs)
    {
        var list = new TraceInput[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            list[i] = new TraceInput(inputs[i].Name, inputs[i].Value);
        }

        _entries.Add(new TraceEntry(rule, fired, list));
    }

    internal static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset? value) =>
        value is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "none";

    internal static string Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "unknown",
    };
}
