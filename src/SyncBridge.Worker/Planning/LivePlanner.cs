using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Planning;

/// <summary>
/// Builds a <see cref="LivePlan"/> from what the state store holds now: decides the whole population exactly as
/// <see cref="PersonDecider"/> does (<see cref="PopulationDecider"/>), then diffs against the last-written snapshots
/// (<see cref="UpdatePlanner.PlanAsync"/>). Writes nothing.
/// </summary>
internal static class LivePlanner
{
    /// <summary>
    /// Plans on a running host's services. Every decided person is returned; <paramref name="includeUnchanged"/> also
    /// lists the target records that already hold what SyncBridge wants (the change sets always cover every record).
    /// </summary>
    public static Task<LivePlan> PlanAsync(IServiceProvider services, bool includeUnchanged, CancellationToken cancellationToken) =>
        PlanAsync(services, includeUnchanged, null, cancellationToken);

    /// <summary>Plans as of <paramref name="asOf"/> (now when null): the decisions a run at that instant made.</summary>
    public static async Task<LivePlan> PlanAsync(IServiceProvider services, bool includeUnchanged, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var population = await services.GetRequiredService<PopulationDecider>().DecideAsync(asOf, cancellationToken).ConfigureAwait(false);
        var plan = await services.GetRequiredService<UpdatePlanner>().PlanAsync(population.People, cancellationToken).ConfigureAwait(false);
        var decisions = population.Batch.Decisions.ToDictionary(d => d.PersonId, StringComparer.Ordinal);

        var persons = new List<LivePlanPerson>(plan.ChangeSets.Count);
        foreach (var changeSet in plan.ChangeSets)
        {
            var targets = new List<LivePlanTarget>(changeSet.Changes.Count);
            foreach (var change in changeSet.Changes)
            {
                if (change.Changed.Count == 0 && !includeUnchanged)
                {
                    continue;
                }

                plan.Snapshots.TryGetValue(change.Target, out var previous);
                targets.Add(new LivePlanTarget(change.Target, changeSet.PersonId, change.Snapshot, previous, [.. change.Changed.Keys]));
            }

            persons.Add(new LivePlanPerson(decisions[changeSet.PersonId], targets));
        }

        var hash = PlanFingerprint.HashSnapshots(plan.ChangeSets.SelectMany(c => c.Changes).Select(c => c.Target), plan.Snapshots);
        var createdAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return new LivePlan(createdAt, population.Batch, persons, plan.ChangeSets, new PlanFingerprint(population.ContactSequence, hash));
    }
}
