namespace SyncBridge.Core.Contacts;

/// <summary>The system a record came from or is written to.</summary>
public enum SourceSystem
{
    Unknown = 0,
    HubSpot,
    Salesforce,
    Csv,
    Form,
}

/// <summary>Parses the source names used in files and configuration (case-insensitive).</summary>
public static class SourceSystemNames
{
    public static SourceSystem Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "HUBSPOT" or "HS" => SourceSystem.HubSpot,
        "SALESFORCE" or "SFDC" or "SF" => SourceSystem.Salesforce,
        "CSV" or "IMPORT" => SourceSystem.Csv,
        "FORM" or "FORMS" => SourceSystem.Form,
        _ => SourceSystem.Unknown,
    };

    public static string ToName(this SourceSystem system) => system switch
    {
        SourceSystem.HubSpot => "hubspot",
        SourceSystem.Salesforce => "salesforce",
        SourceSystem.Csv => "csv",
        SourceSystem.Form => "form",
        _ => "unknown",
    };
}
