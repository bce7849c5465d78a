using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// Implemented by an <see cref="IDecisionPropertyMap"/> whose system can create a record for a person who has none
/// there (HubSpot: a contact for an imported person, created by upsert on email). The record it names is a target
/// like any other: diffed against its last snapshot, queued, and written by the system's sink, which knows how to
/// create it from its id (e.g. <c>email:someone@example.com</c>).
/// </summary>
public interface IDecisionTargetCreator
{
    /// <summary>
    /// The record to create for the person of <paramref name="decision"/>, whose records are <paramref name="records"/>;
    /// null when the person has a record in this system already or should not get one.
    /// </summary>
    SourceRef? CreateTarget(PersonDecision decision, IReadOnlyList<SourceRef> records);
}
