namespace SyncBridge.Simulators.HubSpot;

/// <summary>A contact property definition the simulator knows.</summary>
internal sealed record HubSpotSimProperty(string Name, string Label, string Type, string FieldType, string GroupName)
{
    public bool ReadOnlyValue { get; init; }

    public IReadOnlyList<(string Label, string Value)> Options { get; init; } = [];

    public string Description { get; init; } = string.Empty;
}
