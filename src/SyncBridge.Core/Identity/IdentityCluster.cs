namespace SyncBridge.Core.Identity;

/// <summary>One resolved person: its id and the handles (from <see cref="IdentityGraph.Add"/>) of its records, ascending.</summary>
public sealed record IdentityCluster(string PersonId, IReadOnlyList<int> Handles);
