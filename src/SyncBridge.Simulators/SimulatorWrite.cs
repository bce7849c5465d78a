namespace SyncBridge.Simulators;

/// <summary>
/// One write a simulator applied to one record: its place in the simulator's order of writes (1, 2, …, across all
/// records), when (the simulator's clock), which endpoint, and the properties / fields with the values written
/// (as text, invariant; null clears).
/// </summary>
public sealed record SimulatorWrite(long Sequence, string RecordId, DateTimeOffset At, string Endpoint, IReadOnlyDictionary<string, string?> Values);
