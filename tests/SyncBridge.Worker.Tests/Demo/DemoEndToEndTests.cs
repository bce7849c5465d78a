using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SyncBridge.Core.Contacts;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Demo;
using SyncBridge.Worker.Planning;

namespace SyncBridge.Worker.Tests.Demo;

/// <summary>
/// Issue 7's bar: <c>demo</c> with 2,000 people, then the simulators' final state is checked against what was read and
/// what was decided — one lifecycle stage per person across both CRMs, never moved backward, and no rate-limited call.
/// </summary>
public sealed class DemoEndToEndTests : IDisposable
{
    private const int People = 2_000;
    private const string SalesforceStageField = "SyncBridge_Lifecycle_Stage__c";
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-demo-e2e-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Demo_2000People_EveryPersonInBothCrmsEndsOnOneStageNeverBackwardWithoutA429()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var checkedPersons = 0;
        var checkedTargets = 0;
        var crmRecords = 0;
        var (code, result) = await DemoRunner.RunAsync(
            new CliContext(output, error, TimeProvider.System),
            new DemoOptions { People = People, Directory = new DirectoryInfo(_directory), ReportFile = new FileInfo(Path.Combine(_directory, "report.html")) },
            async (host, demo, ct) =>
            {
                var hubSpot = host.Simulators.HubSpot!;
                var salesforce = host.Simulators.Salesforce!;
                var records = ReadRecords(demo.StateStore);
                var decided = ReadDecidedStages(demo.StateStore);
                crmRecords = records.Count(r => r.System is "hubspot" or "salesforce");
                foreach (var person in records.GroupBy(r => r.PersonId))
                {
                    var inHubSpot = person.Where(r => r.System == "hubspot").ToList();
                    var inSalesforce = person.Where(r => r.System == "salesforce").ToList();
                    if (inHubSpot.Count == 0 || inSalesforce.Count == 0)
                    {
                        continue;
                    }

                    checkedPersons++;
                    var finals = new List<string>();
                    foreach (var record in inHubSpot)
                    {
                        var contact = hubSpot.GetContact(long.Parse(record.SourceId, CultureInfo.InvariantCulture));
                        Assert.NotNull(contact);
                        finals.Add(contact["lifecyclestage"]);
                        AssertNeverBackward(hubSpot.WriteLog.For(record.SourceId).Select(w => w.Values.GetValueOrDefault("lifecyclestage")), record);
                    }

                    foreach (var record in inSalesforce)
                    {
                        var fields = salesforce.GetRecord(record.SourceId);
                        Assert.NotNull(fields);
                        finals.Add(Convert.ToString(fields[SalesforceStageField], CultureInfo.InvariantCulture) ?? string.Empty);
                        AssertNeverBackward(salesforce.WriteLog.For(record.SourceId).Select(w => w.Values.GetValueOrDefault(SalesforceStageField)), record);
                    }

                    var stage = Assert.Single(finals.Distinct(StringComparer.Ordinal));
                    Assert.Equal(decided[person.Key], stage);
                    Assert.True(LifecycleStageNames.TryParse(stage, out var final), stage);
                    foreach (var record in person.Where(r => r.StageRead is not null and not LifecycleStage.Other))
                    {
                        // Forward-only across systems: the furthest stage any record had is where the person ends, or beyond.
                        Assert.True(final != LifecycleStage.Other && final >= record.StageRead, $"{person.Key}: {record.System} {record.SourceId} was {record.StageRead}, ended {final}");
                    }
                }

                // What plan says each record should hold is what the CRMs hold: nothing left to change. As of the demo's
                // decision: scores decay, so a plan made seconds later may round a score one hundredth lower.
                var plan = await LivePlanner.PlanAsync(host.Services, includeUnchanged: true, demo.Decided.Run!.AsOf, ct);
                Assert.True(plan.RecordsToChange == 0, string.Join("\n", plan.Targets.Where(t => t.ChangedKeys.Count > 0).Select(t => $"{t.Target}: " + string.Join(", ", t.ChangedKeys.Select(k => $"{k} {t.From(k)} -> {t.Desired[k]}")))));
                Assert.Equal(demo.Decided.Persons, plan.Persons.Count);
                foreach (var target in plan.Persons.SelectMany(p => p.Targets))
                {
                    checkedTargets++;
                    foreach (var (name, value) in target.Desired)
                    {
                        var held = target.Target.System == SourceSystem.HubSpot
                            ? HubSpotValue(hubSpot.GetContact(long.Parse(target.Target.Id, CultureInfo.InvariantCulture)), name)
                            : SalesforceValue(salesforce.GetRecord(target.Target.Id), SalesforceFields[name]);
                        Assert.True(SameValue(value, held), $"{target.Target}: {name} holds '{held}', plan says '{value}'");
                    }
                }

                // An hour later every engaged score has decayed a little: none of that is written on its own.
                var later = await LivePlanner.PlanAsync(host.Services, includeUnchanged: true, demo.Decided.Run!.AsOf.AddHours(1), ct);
                var drifted = later.Targets.Count(t => t.Previous is not null && ScoreKeys.Any(k => t.Desired.TryGetValue(k, out var now) && t.Previous.TryGetValue(k, out var was) && now != was));
                var scoreOnly = later.Targets.Where(t => t.ChangedKeys.Count > 0 && t.ChangedKeys.All(ScoreKeys.Contains)).Select(t => t.Target.ToString()).ToList();
                Assert.True(drifted > People / 10, $"only {drifted} scores drifted in an hour: the check below would prove nothing");
                Assert.True(scoreOnly.Count == 0, $"{scoreOnly.Count} of {drifted} drifted scores would be written alone: {string.Join(", ", scoreOnly.Take(10))}");
                TestContext.Current.SendDiagnosticMessage($"an hour after the demo: {drifted} scores drifted, {later.RecordsToChange} records to change");

                Assert.Equal(0, hubSpot.GetStats().TotalRateLimited);
                Assert.Equal(0, salesforce.Stats.LimitExceeded);
            },
            TestContext.Current.CancellationToken);

        Assert.True(code == 0, error.ToString() + output);
        Assert.NotNull(result);
        Assert.Equal(0, result.RateLimited);
        Assert.Equal(0, result.Updates.DeadLettered);
        Assert.Equal(result.Decided.Updates, result.Updates.Applied);
        Assert.True(checkedPersons > People / 4, $"only {checkedPersons} persons are in both CRMs");
        Assert.True(checkedTargets >= crmRecords && crmRecords > 0, $"plan covered {checkedTargets} of the {crmRecords} CRM records");
        Assert.Contains("lifecycle funnel", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The score property of each CRM's map (HubSpot's property, Salesforce's write-back key).</summary>
    private static readonly string[] ScoreKeys = ["syncbridge_score", "score"];

    /// <summary>The write-back keys of the Salesforce property map, as the default field names the sink writes.</summary>
    private static readonly Dictionary<string, string> SalesforceFields = new(StringComparer.Ordinal)
    {
        ["lifecycle_stage"] = SalesforceStageField,
        ["score"] = "SyncBridge_Score__c",
        ["hot_lead"] = "SyncBridge_Hot_Lead__c",
        ["marketing_decision"] = "SyncBridge_Marketing_Decision__c",
    };

    /// <summary>HubSpot clears a property written empty: an absent property holds "".</summary>
    private static string HubSpotValue(IReadOnlyDictionary<string, string>? contact, string name) =>
        contact is not null && contact.TryGetValue(name, out var value) ? value : string.Empty;

    private static string SalesforceValue(IReadOnlyDictionary<string, object?>? record, string field) =>
        record is not null && record.TryGetValue(field, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;

    /// <summary>Equal text, or equal numbers (Salesforce holds 55 where the plan says 55.00), or equal booleans whatever the case.</summary>
    private static bool SameValue(string planned, string held) =>
        string.Equals(planned, held, StringComparison.OrdinalIgnoreCase)
        || (decimal.TryParse(planned, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(held, NumberStyles.Number, CultureInfo.InvariantCulture, out var b) && a == b);

    /// <summary>Each write to a record carries a stage at or after the one before.</summary>
    private static void AssertNeverBackward(IEnumerable<string?> written, SourceRecord record)
    {
        LifecycleStage? previous = record.StageRead is LifecycleStage.Other ? null : record.StageRead;
        foreach (var value in written)
        {
            if (!LifecycleStageNames.TryParse(value, out var stage) || stage == LifecycleStage.Other)
            {
                continue;
            }

            Assert.True(previous is null || stage >= previous, $"{record.System} {record.SourceId}: {previous} then {stage}");
            previous = stage;
        }
    }

    private sealed record SourceRecord(string System, string SourceId, string PersonId, LifecycleStage? StageRead);

    private static List<SourceRecord> ReadRecords(string database)
    {
        var records = new List<SourceRecord>();
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT system, source_id, person_id, contact FROM source_records;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var json = JsonDocument.Parse(reader.GetString(3));
            LifecycleStage? stage = json.RootElement.TryGetProperty("lifecycleStage", out var value) && Enum.TryParse<LifecycleStage>(value.GetString(), out var parsed) ? parsed : null;
            records.Add(new SourceRecord(reader.GetString(0).ToLowerInvariant(), reader.GetString(1), reader.GetString(2), stage));
        }

        return records;
    }

    private static Dictionary<string, string> ReadDecidedStages(string database)
    {
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_id, stage FROM decisions;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stages[reader.GetString(0)] = ((LifecycleStage)reader.GetInt32(1)).ToWireName();
        }

        return stages;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }
}
