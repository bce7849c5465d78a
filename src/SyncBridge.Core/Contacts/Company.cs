namespace SyncBridge.Core.Contacts;

/// <summary>
/// The organisation a person works for. <see cref="Key"/> ignores case, punctuation and legal forms
/// (株式会社, Inc., GmbH, …) so that "株式会社サンプル" and "サンプル(株)" match.
/// </summary>
public sealed record Company
{
    public static readonly Company Empty = new();

    public string Name { get; init; } = string.Empty;
    public string Key { get; init; } = string.Empty;
    public string Domain { get; init; } = string.Empty;
    public string Industry { get; init; } = string.Empty;
    public int? EmployeeCount { get; init; }

    /// <summary>1–12, or null when unknown.</summary>
    public int? FiscalYearEndMonth { get; init; }

    /// <summary>Whether an account (Salesforce Account, HubSpot company) already exists for it; null when unknown.</summary>
    public bool? HasAccount { get; init; }
}
