using SyncBridge.Core.Decisions;
using SyncBridge.Core.Identity;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// Decides the whole population from the state store: every person with stored contacts, each from the merge of its
/// stored source contacts, in one <see cref="DecisionEngine.DecideAll"/> (the tier budget ranks everyone). Reads only.
/// Shared by <see cref="PersonDecider"/> (which commits the result) and <c>plan --live</c> (which shows it).
/// </summary>
public sealed class PopulationDecider(IContactStore contacts, PersonMerger merger, DecisionEngine engine, TimeProvider time)
{
    private const int LoadChunk = 1_000;

    /// <summary>Decides every stored person as of now.</summary>
    public Task<PopulationDecision> DecideAsync(CancellationToken cancellationToken) => DecideAsync(null, cancellationToken);

    /// <summary>Decides every stored person as of <paramref name="asOf"/> (now when null): scores decay with time, so the same data decided later can score lower.</summary>
    public async Task<PopulationDecision> DecideAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var everyone = await contacts.ListChangedPersonsAsync(0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var subjects = new List<DecisionSubject>(everyone.PersonIds.Count);
        var targets = new Dictionary<string, IReadOnlyList<Contacts.SourceRef>>(StringComparer.Ordinal);
        var conflicts = 0;
        foreach (var chunk in everyone.PersonIds.Chunk(LoadChunk))
        {
            var stored = await contacts.GetContactsOfPersonsAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var personId in chunk)
            {
                if (!stored.TryGetValue(personId, out var records) || records.Count == 0)
                {
                    continue; // merged away since it was listed
                }

                var merged = merger.Merge(personId, records);
                conflicts += merged.Conflicts.Count;
                subjects.Add(new DecisionSubject(personId, merged.Contact));
                targets[personId] = records.Select(r => r.Source).Distinct().ToList();
            }
        }

        var batch = engine.DecideAll(subjects, asOf ?? time.GetUtcNow());
        var people = batch.Decisions.Select(d => new DecidedPerson(d, targets[d.PersonId])).ToList();
        return new PopulationDecision(batch, people, everyone.LastSequence) { MergeConflicts = conflicts };
    }
}
