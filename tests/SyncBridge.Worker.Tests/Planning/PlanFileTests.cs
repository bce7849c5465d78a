using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Planning;

namespace SyncBridge.Worker.Tests.Planning;

public sealed class PlanFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-planfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WriteAsync_ThenReadAsync_GivesBackTheSameChangeSetsAndFingerprint()
    {
        var plan = Sample();
        var path = Path.Combine(_directory, "plan.json");

        await plan.WriteAsync(path, TestContext.Current.CancellationToken);
        var read = await PlanFile.ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(plan.CreatedAt, read.CreatedAt);
        Assert.Equal(plan.Fingerprint, read.Fingerprint);
        Assert.Equal(plan.ChangeSets.Count, read.ChangeSets.Count);
        for (var i = 0; i < plan.ChangeSets.Count; i++)
        {
            Assert.Equal(plan.ChangeSets[i].Decision, read.ChangeSets[i].Decision);
            Assert.Equal(plan.ChangeSets[i].Changes.Count, read.ChangeSets[i].Changes.Count);
            for (var j = 0; j < plan.ChangeSets[i].Changes.Count; j++)
            {
                var expected = plan.ChangeSets[i].Changes[j];
                var actual = read.ChangeSets[i].Changes[j];
                Assert.Equal(expected.Target, actual.Target);
                Assert.Equal(expected.Snapshot.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Snapshot.OrderBy(p => p.Key, StringComparer.Ordinal));
                Assert.Equal(expected.Changed.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Changed.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }

        Assert.Equal(2, read.RecordsToChange);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Theory]
    [InlineData("not json at all", "not valid plan JSON")]
    [InlineData("{\"format_version\": 2, \"created_at\": \"2026-11-22T00:00:00Z\"}", "format_version is 2")]
    [InlineData("{\"format_version\": 1, \"created_at\": \"2026-11-22T00:00:00Z\", \"change_sets\": []}", "fingerprint")]
    [InlineData("{\"format_version\": 1, \"created_at\": \"2026-11-22T00:00:00Z\", \"fingerprint\": {\"contact_sequence\": 3, \"snapshot_hash\": \"sha256:00\"}, \"change_sets\": [{\"decision\": {\"person_id\": \"p1\", \"lifecycle_stage\": \"lead\", \"marketing\": \"maybe\", \"decided_at\": \"2026-11-22T00:00:00Z\"}, \"targets\": []}]}", "change_sets[0]: decision.marketing 'maybe'")]
    [InlineData("{\"format_version\": 1, \"created_at\": \"2026-11-22T00:00:00Z\", \"fingerprint\": {\"contact_sequence\": 3, \"snapshot_hash\": \"sha256:00\"}, \"change_sets\": [{\"decision\": {\"person_id\": \"p1\", \"lifecycle_stage\": \"lead\", \"marketing\": \"marketing\", \"decided_at\": \"2026-11-22T00:00:00Z\"}, \"targets\": [{\"system\": \"hubspot\", \"object_type\": \"contact\", \"record_id\": \"1\", \"desired\": {\"a\": \"1\"}, \"changed\": [\"b\"]}]}]}", "changed names 'b'")]
    public async Task ReadAsync_MalformedFile_ThrowsNamingTheFileAndTheProblem(string content, string problem)
    {
        var path = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<PlanFileException>(() => PlanFile.ReadAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal(path, ex.Path);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    private static PlanFile Sample()
    {
        var at = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
        var hubSpot = new SourceRef(SourceSystem.HubSpot, "contact", "1001");
        var lead = new SourceRef(SourceSystem.Salesforce, "Lead", "00QSim000000000007");
        var desired = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lifecyclestage"] = "marketingqualifiedlead",
            ["syncbridge_marketing_reason"] = "engaged;hot",
            ["syncbridge_segments"] = string.Empty,
        };
        var changed = new Dictionary<string, string>(StringComparer.Ordinal) { ["lifecyclestage"] = "marketingqualifiedlead" };
        return new PlanFile(
            at,
            new PlanFingerprint(42, "sha256:abc"),
            [
                new PersonChangeSet(
                    new DecisionRecord("p_1", LifecycleStage.MarketingQualifiedLead, MarketingStatus.Marketing, "engaged;hot", 71.254, true, at, string.Empty),
                    [new TargetChange(hubSpot, desired, changed), new TargetChange(lead, new Dictionary<string, string> { ["score"] = "71.25" }, new Dictionary<string, string> { ["score"] = "71.25" })]),
                new PersonChangeSet(
                    new DecisionRecord("p_2", LifecycleStage.Lead, MarketingStatus.NonMarketing, "dormant", 0.1 + 0.2, false, at, "{\"entries\":[]}"),
                    [new TargetChange(new SourceRef(SourceSystem.HubSpot, "contact", "1002"), desired, new Dictionary<string, string>())]),
            ]);
    }
}
