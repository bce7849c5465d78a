using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Settings of section <c>SyncBridge:Merge</c>: how the records of one person are merged, per property.
/// Rules are written <c>MostRecentWins</c>, <c>DontSync</c>, <c>PreferSource:&lt;source&gt;</c> or
/// <c>SourceOfTruth:&lt;source&gt;</c> (see <see cref="MergeRule"/>).
/// </summary>
public sealed class MergePolicyOptions
{
    public const string SectionName = "SyncBridge:Merge";

    /// <summary>The rule for every property without an override.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultRule { get; set; } = "MostRecentWins";

    /// <summary>
    /// Overrides: property name (see <see cref="Contacts.ContactProperties"/>) → rule. Lifecycle stage and the consent
    /// properties follow fixed rules and cannot be overridden.
    /// </summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
