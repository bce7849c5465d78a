namespace SyncBridge.Core.Decisions;

/// <summary>Settings of section <c>SyncBridge:Decisions:Lifecycle</c>.</summary>
public sealed class LifecycleOptions
{
    public const string SectionName = "SyncBridge:Decisions:Lifecycle";

    /// <summary>
    /// Sales status values (e.g. Salesforce Lead Status) that mean sales-qualified, compared ignoring case.
    /// Unset: "Qualified", "Working - Qualified", "商談化". SQL is never computed from marketing data alone.
    /// </summary>
    public List<string>? QualifiedSalesStatuses { get; set; }

    /// <summary>
    /// When true (default), a contact whose current stage is <c>other</c> (outside the order: partners, vendors,
    /// staff) keeps it; automatic moves never leave it. When false, the computed stage replaces it.
    /// </summary>
    public bool KeepOther { get; set; } = true;

    /// <summary>The statuses in force: <see cref="QualifiedSalesStatuses"/> or the built-in ones.</summary>
    internal IReadOnlyList<string> EffectiveQualifiedSalesStatuses => QualifiedSalesStatuses ?? ["Qualified", "Working - Qualified", "商談化"];
}
