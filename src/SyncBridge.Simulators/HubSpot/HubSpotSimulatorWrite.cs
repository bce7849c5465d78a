namespace SyncBridge.Simulators.HubSpot;

/// <summary>One contact written by a batch update or upsert: which properties the client sent.</summary>
public sealed record HubSpotSimulatorWrite(long ContactId, IReadOnlyDictionary<string, string> Properties, string Endpoint);
