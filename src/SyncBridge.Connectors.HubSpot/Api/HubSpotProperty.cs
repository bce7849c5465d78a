namespace SyncBridge.Connectors.HubSpot.Api;

/// <summary>A property definition from the Properties API (name, type, options of an enumeration).</summary>
internal sealed record HubSpotProperty
{
    public string Name { get; init; } = string.Empty;

    public string? Label { get; init; }

    public string? Type { get; init; }

    public string? FieldType { get; init; }

    public string? GroupName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<HubSpotPropertyOption>? Options { get; init; }

    public HubSpotPropertyModificationMetadata? ModificationMetadata { get; init; }
}

internal sealed record HubSpotPropertyOption(string Label, string Value)
{
    public int? DisplayOrder { get; init; }

    public bool Hidden { get; init; }
}

internal sealed record HubSpotPropertyModificationMetadata
{
    public bool ReadOnlyValue { get; init; }

    public bool ReadOnlyDefinition { get; init; }

    public bool Archivable { get; init; }
}

/// <summary>Body of <c>POST …/properties/contacts</c>.</summary>
internal sealed record HubSpotPropertyCreate(string Name, string Label, string Type, string FieldType, string GroupName)
{
    public string? Description { get; init; }

    public IReadOnlyList<HubSpotPropertyOption>? Options { get; init; }
}

/// <summary>Body of <c>POST …/properties/contacts/groups</c>.</summary>
internal sealed record HubSpotPropertyGroupCreate(string Name, string Label)
{
    public int DisplayOrder { get; init; } = -1;
}

internal sealed record HubSpotPropertyCollection(IReadOnlyList<HubSpotProperty>? Results);
