using System.Globalization;
using System.Text.Json;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Planning;

/// <summary>Prints a <see cref="LivePlan"/>: a table for people (per person, per record, per property) or JSON.</summary>
internal static class LivePlanOutput
{
    private const string None = "(none)";

    /// <summary><c>plan: N persons decided, M records to change (X HubSpot, Y Salesforce), K unchanged</c>.</summary>
    public static string SummaryLine(LivePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return string.Create(CultureInfo.InvariantCulture,
            $"plan: {plan.Persons.Count} persons decided, {plan.RecordsToChange} records to change ({plan.HubSpotRecordsToChange} HubSpot, {plan.SalesforceRecordsToChange} Salesforce), {plan.UnchangedRecords} unchanged");
    }

    public static void WriteTable(TextWriter output, LivePlan plan, bool includeUnchanged)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        var ci = CultureInfo.InvariantCulture;
        foreach (var person in Listed(plan, includeUnchanged))
        {
            var d = person.Decision;
            var reasons = string.Join(',', d.Reasons.ToCodes());
            output.WriteLine(string.Create(ci,
                $"person {d.PersonId}: stage {d.StageBefore?.ToWireName() ?? None} → {d.Stage.ToWireName()}; {d.Marketing.ToWireName()} ({(reasons.Length == 0 ? "no reasons" : reasons)})"));
            foreach (var target in person.Targets)
            {
                var t = target.Target;
                output.WriteLine(string.Create(ci, $"  {(target.Changes ? "~" : "=")} {t.System.ToName()} {t.ObjectType} {t.Id}{(target.Changes ? string.Empty : " (unchanged)")}"));
                foreach (var (name, value) in target.Desired)
                {
                    if (target.Changes && !target.ChangedKeys.Contains(name, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    output.WriteLine(target.Changes
                        ? $"      {name}: {Show(target.From(name))} → {Show(value)}"
                        : $"      {name}: {Show(value)}");
                }
            }
        }

        output.WriteLine(SummaryLine(plan));
        output.WriteLine(PlanForecastLine.Format(plan.Batch.Forecast));
        if (PlanForecastLine.OverTierWarning(plan.Batch.Forecast) is { } warning)
        {
            output.WriteLine(warning);
        }
    }

    public static void WriteJson(TextWriter output, LivePlan plan, bool includeUnchanged)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        var f = plan.Batch.Forecast;
        var document = new LivePlanDocument
        {
            CreatedAt = plan.CreatedAt,
            Fingerprint = new PlanFingerprintDocument { ContactSequence = plan.Fingerprint.ContactSequence, SnapshotHash = plan.Fingerprint.SnapshotHash },
            Persons = [.. Listed(plan, includeUnchanged).Select(ToDocument)],
            Summary = new LivePlanSummaryDocument
            {
                PersonsDecided = plan.Persons.Count,
                PersonsWithChanges = plan.Persons.Count(p => p.Changes),
                RecordsToChange = plan.RecordsToChange,
                HubSpotRecordsToChange = plan.HubSpotRecordsToChange,
                SalesforceRecordsToChange = plan.SalesforceRecordsToChange,
                RecordsUnchanged = plan.UnchangedRecords,
                MarketingNow = f.MarketingNow,
                PeakBeforeUpdate = f.PeakBeforeUpdate,
                MarketingAfterUpdate = f.MarketingAfterUpdate,
                NextUpdateDate = f.NextUpdateDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                TierLimit = f.TierLimit,
                OverTier = f.OverTier,
            },
        };
        output.WriteLine(JsonSerializer.Serialize(document, PlanningJsonContext.Default.LivePlanDocument));
        output.Flush();
    }

    /// <summary>A value as the table shows it: <c>(none)</c> when never written, <c>""</c> when empty.</summary>
    private static string Show(string? value) => value switch
    {
        null => None,
        { Length: 0 } => "\"\"",
        _ => value,
    };

    private static IEnumerable<LivePlanPerson> Listed(LivePlan plan, bool includeUnchanged) =>
        includeUnchanged ? plan.Persons : plan.Persons.Where(p => p.Changes);

    private static LivePlanPersonDocument ToDocument(LivePlanPerson person)
    {
        var d = person.Decision;
        return new LivePlanPersonDocument
        {
            PersonId = d.PersonId,
            LifecycleStageBefore = d.StageBefore?.ToWireName(),
            LifecycleStage = d.Stage.ToWireName(),
            Marketing = d.Marketing.ToWireName(),
            Reasons = [.. d.Reasons.ToCodes()],
            Targets = [.. person.Targets.Select(t => new LivePlanTargetDocument
            {
                System = t.Target.System.ToName(),
                ObjectType = t.Target.ObjectType,
                RecordId = t.Target.Id,
                Changes = t.Changes,
                Properties = [.. t.Desired.Select(p => new LivePlanPropertyDocument
                {
                    Name = p.Key,
                    From = t.From(p.Key),
                    To = p.Value,
                    Changes = t.ChangedKeys.Contains(p.Key, StringComparer.Ordinal),
                })],
            })],
        };
    }
}
