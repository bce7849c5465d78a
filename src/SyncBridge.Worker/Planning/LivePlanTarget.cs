using SyncBridge.Core.Contacts;

namespace SyncBridge.Worker.Planning;

/// <summary>
/// One CRM record in a live plan: whose it is, every property SyncBridge wants it to hold (<paramref name="Desired"/>,
/// in the target's vocabulary), what it last wrote there (<paramref name="Previous"/>, null when never written) and
/// the names of the properties that change (empty when the record is already as desired).
/// </summary>
internal sealed record LivePlanTarget(
    SourceRef Target,
    string PersonId,
    IReadOnlyDictionary<string, string> Desired,
    IReadOnlyDictionary<string, string>? Previous,
    IReadOnlyList<string> ChangedKeys)
{
    public bool Changes => ChangedKeys.Count > 0;

    /// <summary>What SyncBridge last wrote to <paramref name="name"/> here, or null when it never did.</summary>
    public string? From(string name) => Previous is not null && Previous.TryGetValue(name, out var value) ? value : null;
}
