namespace SyncBridge.Core.Decisions;

/// <summary>One rule evaluated for a person: its name, whether it fired, and the input values it saw.</summary>
public sealed record TraceEntry(string Rule, bool Fired, IReadOnlyList<TraceInput> Inputs);

/// <summary>One input value a rule saw, formatted invariantly.</summary>
public readonly record struct TraceInput(string Name, string Value);
