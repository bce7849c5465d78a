using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Embedded;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Commands;

/// <summary><c>dlq list|replay|purge</c> and <c>queue status</c> against the embedded queue, with dead letters made through the queue port.</summary>
public sealed class DlqCommandTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-dlq-").FullName;
    private readonly string _config;
    private readonly ServiceProvider _services;

    public DlqCommandTests()
    {
        _config = Path.Combine(_directory, "settings.json");
        var settings = new JsonObject
        {
            ["SyncBridge"] = new JsonObject
            {
                ["State"] = new JsonObject { ["SqlitePath"] = Path.Combine(_directory, "state.db") },
                ["Queue"] = new JsonObject { ["Embedded"] = new JsonObject { ["Path"] = Path.Combine(_directory, "queue.db") } },
            },
        };
        File.WriteAllText(_config, settings.ToJsonString());
        var configuration = new ConfigurationBuilder().AddJsonFile(_config).Build();
        _services = new ServiceCollection().AddLogging().AddEmbeddedUpdateQueue(configuration).BuildServiceProvider();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static UpdateMessage Message(int person, long version = 1) => UpdateMessage.Create(
        "person-" + person.ToString(CultureInfo.InvariantCulture),
        new SourceRef(SourceSystem.Salesforce, "Lead", "00Q" + person.ToString("D15", CultureInfo.InvariantCulture)),
        new Dictionary<string, string>(StringComparer.Ordinal) { ["score"] = "42" },
        version);

    /// <summary>Sends the messages and dead-letters each with its own reason and error.</summary>
    private async Task<IReadOnlyList<UpdateMessage>> DeadLetterAsync(params (int Person, string Reason, string Error)[] letters)
    {
        var queue = _services.GetRequiredService<IUpdateQueue>();
        var messages = letters.Select(l => Message(l.Person)).ToList();
        await queue.SendAsync(messages, Ct);
        var received = await queue.ReceiveAsync(letters.Length, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(letters.Length, received.Count);
        foreach (var update in received)
        {
            var letter = letters.Single(l => update.Message.PersonKey == "person-" + l.Person.ToString(CultureInfo.InvariantCulture));
            await queue.DeadLetterAsync(update, letter.Reason, letter.Error);
        }

        return messages;
    }

    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", _config], new CliContext(output, error, TimeProvider.System), Ct);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task List_DeadLetters_ShowsReasonPersonTargetAndFirstErrorWithCountsPerReason()
    {
        var messages = await DeadLetterAsync((1, DeadLetterReasons.CrmRejected, "FIELD_CUSTOM_VALIDATION_EXCEPTION: Score must be approved"), (2, DeadLetterReasons.MaxDeliveryCountExceeded, "503 Service Unavailable"), (3, DeadLetterReasons.CrmRejected, "INVALID_ID_FIELD"));

        var (code, output, error) = await CliAsync("dlq", "list");

        Assert.True(code == 0, error);
        var first = Assert.Single(output.Split('\n'), l => l.StartsWith(messages[0].MessageId, StringComparison.Ordinal));
        Assert.Contains(DeadLetterReasons.CrmRejected, first, StringComparison.Ordinal);
        Assert.Contains("person person-1", first, StringComparison.Ordinal);
        Assert.Contains(messages[0].Target.ToString(), first, StringComparison.Ordinal);
        Assert.Contains("error: FIELD_CUSTOM_VALIDATION_EXCEPTION: Score must be approved", first, StringComparison.Ordinal);
        Assert.Contains("3 dead letters (CrmRejected 2, MaxDeliveryCountExceeded 1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Json_CarriesEveryField()
    {
        var messages = await DeadLetterAsync((5, DeadLetterReasons.NoSinkForTarget, "no connector writes to salesforce"));

        var (code, output, _) = await CliAsync("dlq", "list", "--format", "json");

        Assert.Equal(0, code);
        var item = Assert.Single(JsonNode.Parse(output)!.AsArray())!;
        Assert.Equal(messages[0].MessageId, item["messageId"]!.GetValue<string>());
        Assert.Equal(DeadLetterReasons.NoSinkForTarget, item["reason"]!.GetValue<string>());
        Assert.Equal("no connector writes to salesforce", item["error"]!.GetValue<string>());
        Assert.Equal("person-5", item["personKey"]!.GetValue<string>());
        Assert.Equal("salesforce", item["targetSystem"]!.GetValue<string>());
        Assert.Equal(messages[0].Target.Id, item["targetId"]!.GetValue<string>());
        Assert.Equal(1, item["deliveryCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Replay_ByPrefix_PutsThatOneBackOnTheQueue()
    {
        var messages = await DeadLetterAsync((1, DeadLetterReasons.CrmRejected, "bad"), (2, DeadLetterReasons.CrmRejected, "bad"));

        var (code, output, error) = await CliAsync("dlq", "replay", "--id", messages[1].MessageId[..10]);

        Assert.True(code == 0, error);
        Assert.Contains("replayed " + messages[1].MessageId, output, StringComparison.Ordinal);
        var back = Assert.Single(await _services.GetRequiredService<IUpdateQueue>().ReceiveAsync(10, TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(messages[1].MessageId, back.Message.MessageId);
        Assert.Equal(1, back.DeliveryCount);
        (_, output, _) = await CliAsync("dlq", "list");
        Assert.Contains("1 dead letters", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_All_EmptiesTheDeadLetters()
    {
        await DeadLetterAsync((1, DeadLetterReasons.CrmRejected, "bad"), (2, DeadLetterReasons.CrmRejected, "bad"), (3, DeadLetterReasons.CrmRejected, "bad"));

        var (code, output, _) = await CliAsync("dlq", "replay", "--all");

        Assert.Equal(0, code);
        Assert.Contains("replayed 3 dead letters", output, StringComparison.Ordinal);
        Assert.Equal(3, (await _services.GetRequiredService<IUpdateQueue>().ReceiveAsync(10, TimeSpan.FromMinutes(1), Ct)).Count);
    }

    [Fact]
    public async Task Replay_NeitherIdNorAll_IsAUsageError()
    {
        var (code, _, error) = await CliAsync("dlq", "replay");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("--id", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnknownOrAmbiguousOrShortId_FailsNamingTheProblem()
    {
        await DeadLetterAsync((1, DeadLetterReasons.CrmRejected, "bad"));

        var (code, _, error) = await CliAsync("dlq", "replay", "--id", "ffffffffffffffff");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("no dead letter with id ffffffffffffffff", error, StringComparison.Ordinal);

        (code, _, error) = await CliAsync("dlq", "replay", "--id", "abc");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("at least 8 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_ById_RemovesItForGood()
    {
        var messages = await DeadLetterAsync((1, DeadLetterReasons.CrmRejected, "bad"), (2, DeadLetterReasons.CrmRejected, "bad"));

        var (code, output, error) = await CliAsync("dlq", "purge", "--id", messages[0].MessageId);

        Assert.True(code == 0, error);
        Assert.Contains("purged " + messages[0].MessageId, output, StringComparison.Ordinal);
        (_, output, _) = await CliAsync("dlq", "list");
        Assert.DoesNotContain(messages[0].MessageId, output, StringComparison.Ordinal);
        Assert.Contains(messages[1].MessageId, output, StringComparison.Ordinal);
        Assert.Empty(await _services.GetRequiredService<IUpdateQueue>().ReceiveAsync(10, TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task QueueStatus_WithMessagesInFlightAndDeadLetters_ReportsThem()
    {
        var queue = _services.GetRequiredService<IUpdateQueue>();
        await DeadLetterAsync((9, DeadLetterReasons.CrmRejected, "bad"));
        await queue.SendAsync([Message(1), Message(2), Message(3)], Ct);
        Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(1), Ct));

        var (code, output, error) = await CliAsync("queue", "status", "--format", "json");

        Assert.True(code == 0, error);
        var status = JsonNode.Parse(output)!;
        Assert.Equal("embedded", status["transport"]!.GetValue<string>());
        Assert.Equal(3, status["depth"]!.GetValue<long>());
        Assert.Equal(1, status["inFlight"]!.GetValue<long>());
        Assert.Equal(1, status["deadLetters"]!.GetValue<long>());
        Assert.Equal(0, status["outboxPending"]!.GetValue<long>());
        Assert.NotNull(status["oldestAgeSeconds"]);

        (code, output, _) = await CliAsync("queue", "status");
        Assert.Equal(0, code);
        Assert.Contains("depth: 3 (in flight: 1)", output, StringComparison.Ordinal);
        Assert.Contains("dead letters: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueStatus_UnknownTransport_StopsNamingTheSetting()
    {
        await File.WriteAllTextAsync(_config, "{\"SyncBridge\":{\"Queue\":{\"Transport\":\"Kafka\"}}}", Ct);

        var (code, _, error) = await CliAsync("queue", "status");

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("SyncBridge:Queue:Transport", error, StringComparison.Ordinal);
    }
}
