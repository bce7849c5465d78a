using System.Globalization;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// The diff step (pure): what a decision means in each target record (through that system's
/// <see cref="IDecisionPropertyMap"/>), compared with the record's last-written snapshot, so only properties that
/// change travel. A target in a system without a property map is skipped (SyncBridge does not write there); a system
/// whose map is an <see cref="IDecisionTargetCreator"/> may add a record to create. A score that only drifted by less
/// than the minimum score change is not a change on its own (see <see cref="IDecisionPropertyMap.ScoreProperty"/>).
/// </summary>
public sealed class ChangeSetBuilder
{
    private readonly Dictionary<SourceSystem, IDecisionPropertyMap> _maps = [];
    private readonly List<IDecisionTargetCreator> _creators = [];
    private readonly double _minScoreChange;

    /// <param name="maps">Each written system's property map.</param>
    /// <param name="minScoreChange">How far a score must move to be written on its own (0: any change of its text).</param>
    public ChangeSetBuilder(IEnumerable<IDecisionPropertyMap> maps, double minScoreChange = 0)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentOutOfRangeException.ThrowIfNegative(minScoreChange);
        _minScoreChange = minScoreChange;
        foreach (var map in maps)
        {
            _maps[map.System] = map;
        }

        _creators.AddRange(_maps.Values.OfType<IDecisionTargetCreator>());
    }

    /// <summary>
    /// The records a person's decision is written to: their records in systems SyncBridge writes to, plus any record a
    /// system creates for them (see <see cref="IDecisionTargetCreator"/>).
    /// </summary>
    public IReadOnlyList<SourceRef> TargetsOf(DecidedPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var targets = person.Targets.Distinct().Where(target => _maps.ContainsKey(target.System)).ToList();
        foreach (var creator in _creators)
        {
            if (creator.CreateTarget(person.Decision, person.Targets) is { } created && !targets.Contains(created))
            {
                targets.Add(created);
            }
        }

        return targets;
    }

    /// <summary>Whether SyncBridge writes to records of <paramref name="system"/>.</summary>
    public bool Writes(SourceSystem system) => _maps.ContainsKey(system);

    public PersonChangeSet Build(
        DecidedPerson person,
        IReadOnlyDictionary<SourceRef, IReadOnlyDictionary<string, string>> snapshots,
        DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(snapshots);
        var decision = person.Decision;
        var changes = new List<TargetChange>();
        foreach (var target in TargetsOf(person))
        {
            var map = _maps[target.System];

            var wanted = map.Map(decision, target.ObjectType);
            snapshots.TryGetValue(target, out var previous);
            var changed = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in wanted)
            {
                if (previous is null || !previous.TryGetValue(name, out var old) || !string.Equals(old, value, StringComparison.Ordinal))
                {
                    changed[name] = value;
                }
            }

            if (changed.Count == 1 && map.ScoreProperty(target.ObjectType) is { } score && changed.TryGetValue(score, out var drifted)
                && previous is not null && previous.TryGetValue(score, out var written) && IsDrift(written, drifted))
            {
                changed.Clear(); // the score alone moved, and too little to be worth a write
            }

            changes.Add(new TargetChange(target, new SortedDictionary<string, string>(wanted.ToDictionary(), StringComparer.Ordinal), changed));
        }

        return new PersonChangeSet(ToRecord(decision, decidedAt), changes);
    }

    private bool IsDrift(string written, string wanted) =>
        double.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var before)
        && double.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var after)
        && Math.Abs(after - before) < _minScoreChange;

    private static DecisionRecord ToRecord(PersonDecision decision, DateTimeOffset decidedAt) => new(
        decision.PersonId,
        decision.Stage,
        decision.Marketing,
        string.Join(';', decision.Reasons.ToCodes()),
        decision.Score,
        decision.Hot,
        decidedAt,
        DecisionTraceJson.Write(decision.Trace));
}
