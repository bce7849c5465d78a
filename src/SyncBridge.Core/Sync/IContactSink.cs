using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync;

/// <summary>A property change set for one record in one system.</summary>
/// <param name="PersonId">The resolved person the record belongs to.</param>
/// <param name="Target">The record to write.</param>
/// <param name="Properties">Property name (in the target's vocabulary) to new value; an empty value clears it.</param>
/// <param name="Version">The decision version, monotonic per person.</param>
public sealed record ContactUpdate(string PersonId, SourceRef Target, IReadOnlyDictionary<string, string> Properties, long Version);

public enum WriteOutcome
{
    Applied = 0,

    /// <summary>Failed for a reason that may pass on a later attempt (rate limit, 5xx, timeout, lock).</summary>
    Transient,

    /// <summary>The target refused the record (validation); retrying the same update will not help.</summary>
    Rejected,
}

/// <summary>What happened to one update; <paramref name="Error"/> carries the target's message.</summary>
public sealed record WriteResult(ContactUpdate Update, WriteOutcome Outcome, string Error = "");

/// <summary>A system contacts are written to, in batches.</summary>
public interface IContactSink
{
    SourceSystem System { get; }

    /// <summary>
    /// Writes the updates; returns one result per update, in any order. Each written record also gets the update's
    /// <see cref="ContactUpdate.Version"/> in the sink's version marker property, when the sink has one.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ContactUpdate> updates, CancellationToken cancellationToken);

    /// <summary>
    /// The version marker each target record holds (written by <see cref="WriteAsync"/>), for the targets that have
    /// one. The consumer asks this only for updates in doubt (a consumer died during their write), so an update the
    /// target already holds is not written twice. A sink without a marker returns nothing: in-doubt updates are then
    /// written again (the same values).
    /// </summary>
    Task<IReadOnlyDictionary<SourceRef, long>> ReadVersionsAsync(IReadOnlyList<SourceRef> targets, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<SourceRef, long>>(new Dictionary<SourceRef, long>());
}
