using System.Globalization;
using Microsoft.Extensions.Logging;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// Decides from the state store and puts the result in the outbox. When any person's stored contacts changed since the
/// last run (the contact store's change sequence, kept as the cursor <see cref="CursorName"/>), every person is decided
/// again — the tier budget ranks the whole population — from the merge of its stored source contacts, and
/// <see cref="UpdatePlanner"/> commits the decisions with only the records whose SyncBridge properties change. The
/// cursor is saved after the commit, so a crash decides again (harmless: unchanged records add nothing).
/// </summary>
public sealed partial class PersonDecider(
    IContactStore contacts,
    IStateStore state,
    PersonMerger merger,
    DecisionEngine engine,
    UpdatePlanner planner,
    IReportStore reports,
    TimeProvider time,
    ILogger<PersonDecider> logger)
{
    /// <summary>The state-store cursor holding the last change sequence decided.</summary>
    public const string CursorName = "decisions";

    private readonly PopulationDecider _population = new(contacts, merger, engine, time);

    /// <summary>Decides everyone when something changed; returns what was decided and queued (nothing when nothing changed).</summary>
    public async Task<DecideSummary> DecideAsync(CancellationToken cancellationToken)
    {
        var cursor = await state.GetCursorAsync(CursorName, cancellationToken).ConfigureAwait(false);
        var after = long.TryParse(cursor?.State, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
        var changed = await contacts.ListChangedPersonsAsync(after, 1, cancellationToken).ConfigureAwait(false);
        if (changed.PersonIds.Count == 0)
        {
            return new DecideSummary(0, 0, 0);
        }

        var population = await _population.DecideAsync(cancellationToken).ConfigureAwait(false);
        var asOf = population.AsOf;
        var people = population.People;
        var result = await planner.CommitAsync(people, cancellationToken).ConfigureAwait(false);
        await state.SaveCursorAsync(CursorName, new SourceCursor(asOf, string.Empty, population.ContactSequence.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        var run = DecisionRunSummarizer.Summarize(population.Batch, result.Messages.Count) with { MergeConflicts = population.MergeConflicts };
        await reports.SaveDecisionRunAsync(run, cancellationToken).ConfigureAwait(false);
        Log.Decided(logger, people.Count, result.Messages.Count, run.Marketing);
        return new DecideSummary(people.Count, result.Messages.Count, run.Marketing) { Run = run };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1331, Level = LogLevel.Information, Message = "Decided {Persons} persons ({Marketing} marketing contacts); {Updates} updates queued in the outbox")]
        public static partial void Decided(ILogger logger, int persons, int updates, int marketing);
    }
}

/// <summary>What one <see cref="PersonDecider.DecideAsync"/> did: persons decided, updates put in the outbox, marketing contacts after the budget.</summary>
public sealed record DecideSummary(int Persons, int Updates, int MarketingContacts)
{
    /// <summary>The run's funnel, reasons and forecast (null when nothing was decided).</summary>
    public DecisionRunSummary? Run { get; init; }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"decisions: {Persons} persons decided, {MarketingContacts} marketing contacts, {Updates} updates queued");
}
