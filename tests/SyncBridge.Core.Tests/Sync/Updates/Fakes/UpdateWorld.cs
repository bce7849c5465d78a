using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>One queue, one ledger, a HubSpot and a Salesforce sink and a fake clock, shared by the consumers a test makes.</summary>
internal sealed class UpdateWorld
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(30);

    public UpdateWorld(bool perPersonOrdering = false, bool hubSpotMarker = true, int queueMaxDeliveryCount = int.MaxValue)
    {
        Queue = new FakeUpdateQueue(Time) { PerPersonOrdering = perPersonOrdering, MaxDeliveryCount = queueMaxDeliveryCount };
        Ledger = new FakeAppliedUpdateStore(Time);
        HubSpot = new RecordingContactSink(SourceSystem.HubSpot, hubSpotMarker);
        Salesforce = new RecordingContactSink(SourceSystem.Salesforce);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeUpdateQueue Queue { get; }

    public FakeAppliedUpdateStore Ledger { get; }

    public RecordingContactSink HubSpot { get; }

    public RecordingContactSink Salesforce { get; }

    public static SourceRef Contact(string id) => new(SourceSystem.HubSpot, "contact", id);

    public static SourceRef Lead(string id) => new(SourceSystem.Salesforce, "Lead", id);

    public static UpdateMessage Message(string person, SourceRef target, long version, string stage = "") =>
        UpdateMessage.Create(person, target, new Dictionary<string, string> { ["stage"] = stage.Length == 0 ? "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) : stage }, version);

    public static PersonDecision Decision(string person, LifecycleStage stage, double score = 10, MarketingStatus marketing = MarketingStatus.Marketing) => new()
    {
        PersonId = person,
        Email = string.Empty,
        Stage = stage,
        Score = score,
        Marketing = marketing,
    };

    public UpdateConsumer Consumer(string id, int batchSize = 200, int maxDeliveryCount = 10, IEnumerable<IContactSink>? sinks = null, TimeSpan busyWait = default) => new(
        Queue,
        Ledger,
        sinks ?? [HubSpot, Salesforce],
        Options.Create(new UpdateConsumerOptions { ConsumerId = id, BatchSize = batchSize, LockDuration = LockDuration, MaxDeliveryCount = maxDeliveryCount, BusyWait = busyWait }),
        Time,
        NullLogger<UpdateConsumer>.Instance);

    public Task SendAsync(params UpdateMessage[] messages) => Queue.SendAsync(messages, CancellationToken.None);

    /// <summary>Lets every lock and claim taken so far expire.</summary>
    public void ExpireLocks() => Time.Advance(LockDuration + TimeSpan.FromSeconds(1));
}
