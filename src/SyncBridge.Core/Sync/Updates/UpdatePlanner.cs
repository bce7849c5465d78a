using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// Turns decisions into outbox messages: reads the last-written snapshots of the targets, diffs (see
/// <see cref="ChangeSetBuilder"/>) and commits decisions, snapshots and messages in one state-store transaction.
/// Committing the same decisions twice adds nothing the second time (the snapshots already hold the values).
/// </summary>
public sealed partial class UpdatePlanner(
    IOutboxStore outbox, IEnumerable<IDecisionPropertyMap> maps, IOptions<OutboxOptions> options, TimeProvider time, ILogger<UpdatePlanner> logger)
{
    private readonly ChangeSetBuilder _builder = new(maps, options?.Value.MinScoreChange ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>
    /// Diffs the decisions against the targets' last-written snapshots without committing anything: the change sets
    /// <see cref="CommitAsync"/> would commit, with the snapshots they were compared with.
    /// </summary>
    public async Task<UpdatePlan> PlanAsync(IReadOnlyList<DecidedPerson> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return new UpdatePlan([], new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>());
        }

        var targets = new HashSet<SourceRef>();
        foreach (var person in people)
        {
            targets.UnionWith(_builder.TargetsOf(person));
        }

        var snapshots = await outbox.GetSnapshotsAsync(targets, cancellationToken).ConfigureAwait(false);
        var decidedAt = time.GetUtcNow();
        var changeSets = new List<PersonChangeSet>(people.Count);
        foreach (var person in people)
        {
            changeSets.Add(_builder.Build(person, snapshots, decidedAt));
        }

        return new UpdatePlan(changeSets, snapshots);
    }

    public async Task<UpdatePlanResult> CommitAsync(IReadOnlyList<DecidedPerson> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return new UpdatePlanResult(0, []);
        }

        var plan = await PlanAsync(people, cancellationToken).ConfigureAwait(false);
        var messages = await outbox.CommitAsync(plan.ChangeSets, cancellationToken).ConfigureAwait(false);
        Log.Committed(logger, plan.ChangeSets.Count, messages.Count);
        return new UpdatePlanResult(plan.ChangeSets.Count, messages);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1341, Level = LogLevel.Information, Message = "Committed {Decisions} decisions and {Messages} update messages to the outbox")]
        public static partial void Committed(ILogger logger, int decisions, int messages);
    }
}
