using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Simulators.HubSpot;
using SyncBridge.Simulators.Salesforce;
using SyncBridge.Storage;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>
/// The update path end to end, on one queue transport (the subclasses): updates committed to the outbox of a real
/// SQLite state store, dispatched and applied by <c>syncbridge consume</c> running as its own process — killed
/// (the process, not a cancellation) at random points and restarted — to the HubSpot and Salesforce simulators
/// through the real connectors. Every update must reach its CRM record exactly once, in version order, and a
/// poison update must land in the dead-letter queue with its reason and come back with <c>dlq replay</c>.
/// </summary>
public abstract class UpdatePathSuite : IAsyncLifetime
{
    /// <summary>1,000 persons × (a HubSpot contact + a Salesforce Lead) × 5 versions = 10,000 updates.</summary>
    private const int Persons = 1_000;
    private const int Versions = 5;
    private const string HubSpotVersionProperty = "syncbridge_version";
    private const string SalesforceVersionField = "SyncBridge_Version__c";

    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-e2e-").FullName;
    private HubSpotSimulator _hubSpot = null!;
    private SalesforceSimulator _salesforce = null!;
    private ServiceProvider _services = null!;
    private string _config = string.Empty;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The <c>SyncBridge:Queue</c> section for this transport.</summary>
    protected abstract JsonObject QueueSection(string directory);

    /// <summary>
    /// Whether the transport hands out one person's updates one at a time in order even to competing consumers (the
    /// embedded queue does; a broker without sessions does not, and then a version superseded before it was applied is
    /// skipped: the record still ends at the last version and never sees one twice or out of order).
    /// </summary>
    protected abstract bool StrictPersonOrder { get; }

    /// <summary>Makes the transport's queue and dead-letter queue empty before a test.</summary>
    protected virtual Task ResetQueueAsync() => Task.CompletedTask;

    /// <summary>Removes what <see cref="ResetQueueAsync"/> made.</summary>
    protected virtual ValueTask DisposeQueueAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        await ResetQueueAsync();
        _hubSpot = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = Persons, DuplicateEvery = 0, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        _salesforce = await SalesforceSimulator.StartAsync(new SalesforceSimulatorOptions { LeadCount = Persons, ContactCount = 0, ConvertedLeadCount = 0 }, Ct);

        var root = new JsonObject
        {
            ["SyncBridge"] = new JsonObject
            {
                ["State"] = new JsonObject { ["SqlitePath"] = Path.Combine(_directory, "state.db") },
                ["Queue"] = QueueSection(_directory),
                ["Simulators"] = new JsonObject { ["Enabled"] = false },
                ["HubSpot"] = new JsonObject { ["BaseUrl"] = _hubSpot.BaseUrl.ToString(), ["AccessToken"] = "simulator" },
                ["Salesforce"] = new JsonObject
                {
                    ["LoginUrl"] = _salesforce.BaseUrl.ToString(),
                    ["Flow"] = "ClientCredentials",
                    ["ClientId"] = _salesforce.Options.ClientId,
                    ["ClientSecret"] = _salesforce.Options.ClientSecret,
                },
                ["Consumer"] = new JsonObject { ["LockDuration"] = "00:00:10", ["IdleDelay"] = "00:00:00.100", ["RetryDelay"] = "00:00:00.200", ["MaxRetryDelay"] = "00:00:01", ["MaxDeliveryCount"] = 5 },
                ["Outbox"] = new JsonObject { ["DispatchInterval"] = "00:00:00.100" },
            },
            ["Serilog"] = new JsonObject { ["MinimumLevel"] = new JsonObject { ["Default"] = "Warning" } },
        };
        _config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(_config, root.ToJsonString(), Ct);

        var configuration = new ConfigurationBuilder().AddJsonFile(_config).Build();
        _services = new ServiceCollection().AddLogging().AddSqliteStateStore(configuration).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _hubSpot.DisposeAsync();
        await _salesforce.DisposeAsync();
        await DisposeQueueAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp folder is left behind then.
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Consume_TenThousandUpdatesWithTheConsumerKilledAtRandomPoints_EveryUpdateAppliedOnceInPersonOrder()
    {
        var targets = PersonTargets();
        var outbox = _services.GetRequiredService<IOutboxStore>();
        for (var version = 1; version <= Versions; version++)
        {
            var messages = await outbox.CommitAsync(targets.Select(t => ChangeSet(t.Person, t.HubSpot, t.Salesforce, version)).ToList(), Ct);
            Assert.Equal(Persons * 2, messages.Count);
        }

        // Kill the consumer process at random points of its progress (seeded, so a failure can be replayed): each run is
        // killed once the CRMs have taken a random number of further writes, which lands kills inside batches, between
        // a CRM write and its ledger record, and between rounds. Then one consumer runs until everything is done.
        const int total = Persons * 2 * Versions;
        var random = new Random(6006);
        var interrupted = 0;
        var progress = new List<int>();
        for (var run = 0; run < 8 && interrupted < 5; run++)
        {
            var before = WriteCount();
            var killAt = before + random.Next(150, 2_500);
            using var consumer = StartConsumer(untilEmpty: false);
            var clock = Stopwatch.StartNew();
            while (WriteCount() < killAt && !consumer.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5, Ct);
            }

            Assert.False(consumer.HasExited, "the consumer exited on its own before it was killed: " + consumer.Log);
            await consumer.KillAsync();
            var after = AppliedVersions().Sum(pair => pair.Value.Count);
            progress.Add(after);
            if (after > before && after < total)
            {
                interrupted++;
            }

            if (after >= total)
            {
                break;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"writes applied when each consumer was killed: {string.Join(", ", progress)} of {total}");
        Assert.True(interrupted >= 3, $"fewer than three kills landed mid-work (applied at each kill: {string.Join(", ", progress)} of {total})");

        await RunConsumerToEndAsync(TimeSpan.FromMinutes(4));

        // Exactly once, in order: each record saw versions 1..5, each once, ascending.
        var written = AppliedVersions();
        Assert.Equal(Persons * 2, written.Count);
        foreach (var (record, versions) in written)
        {
            Assert.True(versions.SequenceEqual(Enumerable.Range(1, Versions).Select(v => (long)v)), $"{record} was written versions [{string.Join(", ", versions)}]");
        }

        foreach (var (_, hubSpotId, salesforceId) in targets.Take(50))
        {
            Assert.Equal(ScoreText(Versions), _hubSpot.GetContact(long.Parse(hubSpotId.Id, CultureInfo.InvariantCulture))!["syncbridge_score"]);
            Assert.Equal(Versions, Convert.ToInt32(_salesforce.GetRecord(salesforceId.Id)![SalesforceVersionField], CultureInfo.InvariantCulture));
        }

        // RabbitMQ 3.10's management API may answer 500 for a queue for a while (statistics not collected yet): ask again.
        var (code, output, error) = await CliAsync("queue", "status", "--format", "json");
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); code != 0 && clock.Elapsed < TimeSpan.FromSeconds(60);)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            (code, output, error) = await CliAsync("queue", "status", "--format", "json");
        }

        Assert.True(code == 0, error);
        var status = JsonNode.Parse(output)!;
        Assert.Equal(0, status["depth"]!.GetValue<long>());
        Assert.Equal(0, status["deadLetters"]!.GetValue<long>());
        Assert.Equal(0, status["outboxPending"]!.GetValue<long>());
        Assert.True(status["caveat"] is null, $"the depth is not the broker's: {status["caveat"]}"); // the broker's own counts, no fallback
    }

    [Fact]
    public async Task Consume_TwoCompetingConsumersKilledAndRestarted_NoVersionWrittenTwiceAndEveryRecordEndsAtItsLast()
    {
        const int persons = 400, versions = 3;
        var targets = PersonTargets().Take(persons).ToList();
        var outbox = _services.GetRequiredService<IOutboxStore>();
        for (var version = 1; version <= versions; version++)
        {
            await outbox.CommitAsync(targets.Select(t => ChangeSet(t.Person, t.HubSpot, t.Salesforce, version)).ToList(), Ct);
        }

        // Two consumer processes at a time compete for the same queue and ledger; both are killed at a random point of
        // their progress, three times over, then two finish the work side by side.
        var random = new Random(6007);
        for (var run = 0; run < 3; run++)
        {
            var killAt = WriteCount() + random.Next(200, 900);
            using var first = StartConsumer(untilEmpty: false);
            using var second = StartConsumer(untilEmpty: false);
            var clock = Stopwatch.StartNew();
            while (WriteCount() < killAt && !first.HasExited && !second.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5, Ct);
            }

            await first.KillAsync();
            await second.KillAsync();
        }

        using (var first = StartConsumer(untilEmpty: true))
        using (var second = StartConsumer(untilEmpty: true))
        {
            var codes = await Task.WhenAll(first.WaitAsync(TimeSpan.FromMinutes(3), Ct), second.WaitAsync(TimeSpan.FromMinutes(3), Ct));
            Assert.True(codes.All(c => c == 0), $"consume --until-empty exited with {string.Join(", ", codes)}: {first.Log}\n{second.Log}");
        }

        var written = AppliedVersions();
        Assert.Equal(persons * 2, written.Count);
        foreach (var (record, list) in written)
        {
            // Never a version twice, never an older one after a newer one, and the last one always arrives.
            Assert.True(list.Zip(list.Skip(1)).All(pair => pair.First < pair.Second), $"{record} was written versions [{string.Join(", ", list)}]");
            Assert.Equal(versions, list[^1]);
            if (StrictPersonOrder)
            {
                Assert.True(list.SequenceEqual(Enumerable.Range(1, versions).Select(v => (long)v)), $"{record} was written versions [{string.Join(", ", list)}]");
            }
        }
    }

    [Fact]
    public async Task Consume_CrmRejectsAnUpdate_DeadLetteredWithTheCrmErrorAndReplayAppliesIt()
    {
        var targets = PersonTargets().Take(20).ToList();
        var poison = targets[7];
        _salesforce.FailNextWrite(poison.Salesforce.Id, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Score must be approved by sales ops");
        var outbox = _services.GetRequiredService<IOutboxStore>();
        await outbox.CommitAsync(targets.Select(t => ChangeSet(t.Person, t.HubSpot, t.Salesforce, 1)).ToList(), Ct);

        await RunConsumerToEndAsync(TimeSpan.FromMinutes(2));

        var (code, output, error) = await CliAsync("dlq", "list");
        Assert.True(code == 0, error);
        var line = Assert.Single(output.Split('\n'), l => l.Contains(poison.Salesforce.Id, StringComparison.Ordinal));
        Assert.Contains(DeadLetterReasons.CrmRejected, line, StringComparison.Ordinal);
        Assert.Contains(poison.Person, line, StringComparison.Ordinal);
        Assert.Contains(poison.Salesforce.Id, line, StringComparison.Ordinal);
        Assert.Contains("Score must be approved by sales ops", line, StringComparison.Ordinal);
        Assert.Contains("1 dead letters", output, StringComparison.Ordinal);
        Assert.Null(_salesforce.GetRecord(poison.Salesforce.Id)!.GetValueOrDefault(SalesforceVersionField));

        var messageId = UpdateMessage.ComputeMessageId(poison.Person, poison.Salesforce, 1);
        (code, output, error) = await CliAsync("dlq", "replay", "--id", messageId[..12]);
        Assert.True(code == 0, error);
        Assert.Contains("replayed " + messageId, output, StringComparison.Ordinal);

        await RunConsumerToEndAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, Convert.ToInt32(_salesforce.GetRecord(poison.Salesforce.Id)![SalesforceVersionField], CultureInfo.InvariantCulture));
        (code, output, _) = await CliAsync("dlq", "list");
        Assert.Equal(0, code);
        Assert.Contains("0 dead letters", output, StringComparison.Ordinal);
    }

    private async Task RunConsumerToEndAsync(TimeSpan limit)
    {
        using var consumer = StartConsumer(untilEmpty: true);
        var code = await consumer.WaitAsync(limit, Ct);
        Assert.True(code == 0, $"consume --until-empty exited with {code}: {consumer.Log}");
    }

    private List<(string Person, SourceRef HubSpot, SourceRef Salesforce)> PersonTargets()
    {
        var hubSpotIds = _hubSpot.ContactIds().Order().ToList();
        var leadIds = _salesforce.RecordIds("Lead").Order(StringComparer.Ordinal).ToList();
        Assert.True(hubSpotIds.Count >= Persons && leadIds.Count >= Persons, $"seeded {hubSpotIds.Count} contacts and {leadIds.Count} leads");
        return Enumerable.Range(0, Persons)
            .Select(i => (
                "person-" + i.ToString("D5", CultureInfo.InvariantCulture),
                new SourceRef(SourceSystem.HubSpot, "contact", hubSpotIds[i].ToString(CultureInfo.InvariantCulture)),
                new SourceRef(SourceSystem.Salesforce, "Lead", leadIds[i])))
            .ToList();
    }

    private static PersonChangeSet ChangeSet(string person, SourceRef hubSpot, SourceRef salesforce, int version)
    {
        var hubSpotProperties = new Dictionary<string, string>(StringComparer.Ordinal) { ["syncbridge_score"] = ScoreText(version) };
        var salesforceFields = new Dictionary<string, string>(StringComparer.Ordinal) { ["score"] = ScoreText(version) };
        var decision = new DecisionRecord(person, LifecycleStage.Lead, MarketingStatus.Marketing, "engaged", version, false, DateTimeOffset.UnixEpoch.AddDays(version), string.Empty);
        return new PersonChangeSet(decision, [new TargetChange(hubSpot, hubSpotProperties, hubSpotProperties), new TargetChange(salesforce, salesforceFields, salesforceFields)]);
    }

    private static string ScoreText(int version) => (version * 10).ToString("0.00", CultureInfo.InvariantCulture);

    private long WriteCount() => _hubSpot.WriteLog.Count + _salesforce.WriteLog.Count;

    /// <summary>Per CRM record, the version markers its writes carried, in the order the CRM applied them.</summary>
    private Dictionary<string, List<long>> AppliedVersions()
    {
        var result = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var write in _hubSpot.WriteLog.All())
        {
            if (write.Values.TryGetValue(HubSpotVersionProperty, out var version) && version is not null)
            {
                Add("hubspot:" + write.RecordId, long.Parse(version, CultureInfo.InvariantCulture));
            }
        }

        foreach (var write in _salesforce.WriteLog.All())
        {
            if (write.Values.TryGetValue(SalesforceVersionField, out var version) && version is not null)
            {
                Add("salesforce:" + write.RecordId, long.Parse(version, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        return result;

        void Add(string record, long version)
        {
            if (!result.TryGetValue(record, out var list))
            {
                list = [];
                result.Add(record, list);
            }

            list.Add(version);
        }
    }

    /// <summary>Starts <c>syncbridge consume</c> as its own process (the built worker beside the tests).</summary>
    private ConsumerProcess StartConsumer(bool untilEmpty) =>
        ConsumerProcess.Start(Path.Combine(AppContext.BaseDirectory, "syncbridge.dll"), _directory, ["consume", "--config", _config, .. untilEmpty ? new[] { "--until-empty" } : []]);

    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", _config], new CliContext(output, error, TimeProvider.System), Ct);
        return (code, output.ToString(), error.ToString());
    }
}
