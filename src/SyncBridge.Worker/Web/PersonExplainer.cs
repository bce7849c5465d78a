using SyncBridge.Core.Decisions;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;

namespace SyncBridge.Worker.Web;

/// <summary>
/// Decides one stored person again with the trace on, for <c>/explain/{personId}</c>: the person's stored source
/// contacts, merged as the decider merges them, through <see cref="DecisionEngine.Decide"/> at now. One person alone
/// has no tier budget, so the marketing status shown is the person's own (the budget may still rank it out).
/// </summary>
internal sealed class PersonExplainer(IContactStore contacts, PersonMerger merger, DecisionEngine engine, TimeProvider time)
{
    /// <summary>The decision with its trace, or null when the state store has no contact of that person.</summary>
    public async Task<PersonDecision?> ExplainAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var stored = await contacts.GetContactsOfPersonsAsync([personId], cancellationToken).ConfigureAwait(false);
        if (!stored.TryGetValue(personId, out var records) || records.Count == 0)
        {
            return null;
        }

        var merged = merger.Merge(personId, records).Contact;
        return engine.Decide(new DecisionSubject(personId, merged), time.GetUtcNow(), withTrace: true);
    }
}
