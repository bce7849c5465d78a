namespace SyncBridge.Simulators.Salesforce;

/// <summary>One stored sObject record. Field names are case-insensitive, as in SOQL. Guarded by the store's lock.</summary>
internal sealed class SimRecord(string type, string id)
{
    public string Type { get; } = type;

    public string Id { get; } = id;

    public Dictionary<string, object?> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset SystemModstamp
    {
        get => (DateTimeOffset)Fields["SystemModstamp"]!;
        set => Fields["SystemModstamp"] = value;
    }

    public bool IsDeleted
    {
        get => Fields.TryGetValue("IsDeleted", out var value) && value is true;
        set => Fields["IsDeleted"] = value;
    }

    public object? Get(string field) =>
        string.Equals(field, "Id", StringComparison.OrdinalIgnoreCase) ? Id : Fields.GetValueOrDefault(field);
}
