using System.Text.Json;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Planning;

/// <summary>
/// A saved plan: the fingerprint of the state it was made from and exactly the change sets <c>apply</c> commits
/// (every decided person's decision, and per target record the desired properties and the names that change).
/// </summary>
internal sealed record PlanFile(DateTimeOffset CreatedAt, PlanFingerprint Fingerprint, IReadOnlyList<PersonChangeSet> ChangeSets)
{
    /// <summary>The format written; a file of another version is refused.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Records whose properties change.</summary>
    public int RecordsToChange => ChangeSets.Sum(c => c.Changes.Count(t => t.Changed.Count > 0));

    public static PlanFile From(LivePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanFile(plan.CreatedAt, plan.Fingerprint, plan.ChangeSets);
    }

    /// <summary>Writes the plan to <paramref name="path"/> (replacing it), through a temporary file so a reader never sees half a plan.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var temporary = full + ".tmp";
        var stream = File.Create(temporary);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, ToDocument(), PlanningJsonContext.Default.PlanFileDocument, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads a plan file; a missing, unreadable or malformed file throws <see cref="PlanFileException"/> naming it.</summary>
    public static async Task<PlanFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        PlanFileDocument? document;
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                document = await JsonSerializer.DeserializeAsync(stream, PlanningJsonContext.Default.PlanFileDocument, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PlanFileException(path, ex.Message, ex);
        }
        catch (JsonException ex)
        {
            throw new PlanFileException(path, "not valid plan JSON (" + ex.Message + ")", ex);
        }

        return FromDocument(path, document ?? throw new PlanFileException(path, "the file holds no plan"));
    }

    private PlanFileDocument ToDocument() => new()
    {
        FormatVersion = CurrentFormatVersion,
        CreatedAt = CreatedAt,
        Fingerprint = new PlanFingerprintDocument { ContactSequence = Fingerprint.ContactSequence, SnapshotHash = Fingerprint.SnapshotHash },
        ChangeSets = [.. ChangeSets.Select(c => new PlanChangeSetDocument
        {
            Decision = new PlanDecisionDocument
            {
                PersonId = c.Decision.PersonId,
                LifecycleStage = c.Decision.Stage.ToWireName(),
                Marketing = c.Decision.Marketing.ToWireName(),
                ReasonCodes = c.Decision.ReasonCodes,
                Score = c.Decision.Score,
                Hot = c.Decision.Hot,
                DecidedAt = c.Decision.DecidedAt,
                Trace = c.Decision.TraceJson,
            },
            Targets = [.. c.Changes.Select(t => new PlanTargetDocument
            {
                System = t.Target.System.ToName(),
                ObjectType = t.Target.ObjectType,
                RecordId = t.Target.Id,
                Desired = new SortedDictionary<string, string>(t.Snapshot.ToDictionary(), StringComparer.Ordinal),
                Changed = [.. t.Changed.Keys.Order(StringComparer.Ordinal)],
            })],
        })],
    };

    private static PlanFile FromDocument(string path, PlanFileDocument document)
    {
        if (document.FormatVersion != CurrentFormatVersion)
        {
            throw new PlanFileException(path, $"format_version is {document.FormatVersion}, this SyncBridge reads version {CurrentFormatVersion}");
        }

        if (document.CreatedAt is not { } createdAt)
        {
            throw new PlanFileException(path, "created_at is missing");
        }

        if (document.Fingerprint is not { ContactSequence: { } sequence, SnapshotHash: { Length: > 0 } hash })
        {
            throw new PlanFileException(path, "fingerprint (contact_sequence, snapshot_hash) is missing");
        }

        if (document.ChangeSets is null)
        {
            throw new PlanFileException(path, "change_sets is missing");
        }

        var persons = new HashSet<string>(StringComparer.Ordinal);
        var changeSets = new List<PersonChangeSet>(document.ChangeSets.Count);
        for (var i = 0; i < document.ChangeSets.Count; i++)
        {
            var changeSet = ToChangeSet(path, $"change_sets[{i}]", document.ChangeSets[i]);
            if (!persons.Add(changeSet.PersonId))
            {
                throw new PlanFileException(path, $"change_sets[{i}]: person '{changeSet.PersonId}' is planned twice");
            }

            changeSets.Add(changeSet);
        }

        return new PlanFile(createdAt, new PlanFingerprint(sequence, hash), changeSets);
    }

    private static PersonChangeSet ToChangeSet(string path, string where, PlanChangeSetDocument? document)
    {
        var d = document?.Decision ?? throw new PlanFileException(path, where + ": decision is missing");
        if (string.IsNullOrWhiteSpace(d.PersonId))
        {
            throw new PlanFileException(path, where + ": decision.person_id is missing");
        }

        if (!LifecycleStageNames.TryParse(d.LifecycleStage, out var stage))
        {
            throw new PlanFileException(path, $"{where}: decision.lifecycle_stage '{d.LifecycleStage}' is not a lifecycle stage");
        }

        var marketing = d.Marketing switch
        {
            "marketing" => MarketingStatus.Marketing,
            "non_marketing" => MarketingStatus.NonMarketing,
            _ => throw new PlanFileException(path, $"{where}: decision.marketing '{d.Marketing}' is neither marketing nor non_marketing"),
        };
        if (d.DecidedAt is not { } decidedAt || !double.IsFinite(d.Score))
        {
            throw new PlanFileException(path, where + ": decision.decided_at or decision.score is missing");
        }

        var decision = new DecisionRecord(d.PersonId, stage, marketing, d.ReasonCodes ?? string.Empty, d.Score, d.Hot, decidedAt, d.Trace ?? string.Empty);
        var targets = document.Targets ?? throw new PlanFileException(path, where + ": targets is missing");
        var seen = new HashSet<SourceRef>();
        var changes = new List<TargetChange>(targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            var change = ToChange(path, $"{where}.targets[{i}]", targets[i]);
            if (!seen.Add(change.Target))
            {
                throw new PlanFileException(path, $"{where}.targets[{i}]: record {change.Target} is planned twice");
            }

            changes.Add(change);
        }

        return new PersonChangeSet(decision, changes);
    }

    private static TargetChange ToChange(string path, string where, PlanTargetDocument? t)
    {
        if (t is null)
        {
            throw new PlanFileException(path, where + " is null");
        }

        var system = SourceSystemNames.Parse(t.System);
        if (system is not (SourceSystem.HubSpot or SourceSystem.Salesforce))
        {
            throw new PlanFileException(path, $"{where}: system '{t.System}' is not hubspot or salesforce");
        }

        if (string.IsNullOrWhiteSpace(t.ObjectType) || string.IsNullOrWhiteSpace(t.RecordId) || t.Desired is null || t.Changed is null)
        {
            throw new PlanFileException(path, where + ": object_type, record_id, desired and changed are required");
        }

        var changed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in t.Changed)
        {
            if (name is null || !t.Desired.TryGetValue(name, out var value))
            {
                throw new PlanFileException(path, $"{where}: changed names '{name}', which desired does not hold");
            }

            changed[name] = value;
        }

        var desired = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in t.Desired)
        {
            desired[name] = value ?? throw new PlanFileException(path, $"{where}: desired '{name}' is null");
        }

        return new TargetChange(new SourceRef(system, t.ObjectType, t.RecordId), desired, changed);
    }
}
