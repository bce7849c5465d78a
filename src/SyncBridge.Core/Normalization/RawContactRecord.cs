using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// A contact as a source delivers it, before normalization: plain strings, any of them blank or messy.
/// The column set of the <c>normalize</c> CSV contract.
/// </summary>
public sealed record RawContactRecord
{
    public SourceSystem System { get; init; }

    /// <summary>The source name as written (e.g. "hubspot", "salesforce", "expo-2026.csv").</summary>
    public string SourceName { get; init; } = string.Empty;

    public string SourceId { get; init; } = string.Empty;
    public string ObjectType { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    public string FirstName { get; init; } = string.Empty;
    public string LastName { get; init; } = string.Empty;
    public string FullName { get; init; } = string.Empty;
    public string Phone { get; init; } = string.Empty;
    public string Mobile { get; init; } = string.Empty;
    public string Company { get; init; } = string.Empty;
    public string Website { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public string Department { get; init; } = string.Empty;
    public string Country { get; init; } = string.Empty;
}
