using FsCheck;
using FsCheck.Fluent;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class UpdateConsumerCrashPropertyTests
{
    private const int Versions = 3;

    private static readonly SourceRef[] Targets =
    [
        UpdateWorld.Contact("c1"), UpdateWorld.Contact("c2"), UpdateWorld.Contact("c3"), UpdateWorld.Lead("l1"), UpdateWorld.Lead("l2"),
    ];

    private enum StepKind
    {
        Consume,
        CrashAfterHubSpotWrite,
        CrashAfterSalesforceWrite,
        CrashBeforeHubSpotWrite,
        TransientHubSpotWrite,
        ExpireLocks,
    }

    [Fact]
    public void ConsumeOnceAsync_RandomCrashesAndTransientFailures_FinalStateIsHighestVersionAndNoVersionWrittenTwice()
    {
        var step =
            from slot in Gen.Choose(0, 1)
            from kind in Gen.Elements(Enum.GetValues<StepKind>())
            from batch in Gen.Choose(1, 6)
            select (Slot: slot, Kind: kind, Batch: batch);
        var script = Gen.ListOf(step).Select(steps => steps.Take(25).ToList());

        Prop.ForAll(script.ToArbitrary(), steps => Task.Run(() => RunAsync(steps)).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    /// <summary>Plays the script, lets every dead consumer's locks expire, drains with a fresh consumer, then checks the targets.</summary>
    private static async Task<bool> RunAsync(List<(int Slot, StepKind Kind, int Batch)> steps)
    {
        var world = new UpdateWorld();
        var messages = new List<UpdateMessage>();
        for (var version = 1; version <= Versions; version++)
        {
            messages.AddRange(Targets.Select((target, i) => UpdateWorld.Message($"p{i}", target, version)));
        }

        await world.Queue.SendAsync(messages, CancellationToken.None);
        var generation = 0;
        var consumers = new UpdateConsumer?[2];
        foreach (var (slot, kind, batch) in steps)
        {
            switch (kind)
            {
                case StepKind.ExpireLocks:
                    world.ExpireLocks();
                    continue;
                case StepKind.CrashAfterHubSpotWrite:
                    world.HubSpot.CrashAfterNextWrite(new OperationCanceledException("killed after the HubSpot write"));
                    break;
                case StepKind.CrashAfterSalesforceWrite:
                    world.Salesforce.CrashAfterNextWrite(new OperationCanceledException("killed after the Salesforce write"));
                    break;
                case StepKind.CrashBeforeHubSpotWrite:
                    world.HubSpot.ThrowOnNextWrite(new OperationCanceledException("killed before the HubSpot write"));
                    break;
                case StepKind.TransientHubSpotWrite:
                    world.HubSpot.FailNextWriteTransiently();
                    break;
                default:
                    break;
            }

            var consumer = consumers[slot] ??= world.Consumer($"g{++generation}", batchSize: batch, maxDeliveryCount: 1000);
            try
            {
                await consumer.ConsumeOnceAsync(CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                // The consumer died: that instance is never used again; its locks and claims expire with time.
                consumers[slot] = null;
            }

            world.HubSpot.ClearFailures();
            world.Salesforce.ClearFailures();
        }

        for (var round = 0; round < 50 && world.Queue.Count > 0; round++)
        {
            world.ExpireLocks();
            await world.Consumer($"drain{round}", maxDeliveryCount: 1000).ConsumeOnceAsync(CancellationToken.None);
        }

        if (world.Queue.Count > 0 || world.Queue.DeadLetters.Count > 0)
        {
            return false;
        }

        foreach (var target in Targets)
        {
            var sink = target.System == SourceSystem.HubSpot ? world.HubSpot : world.Salesforce;
            var written = sink.VersionsWritten(target);
            var increasing = written.Zip(written.Skip(1)).All(pair => pair.First < pair.Second);
            if (!increasing || written.Count == 0 || written[^1] != Versions || sink.Marker(target) != Versions
                || !string.Equals(sink.Record(target)["stage"], "v3", StringComparison.Ordinal)
                || world.Ledger.AppliedVersion(target) != Versions)
            {
                return false;
            }
        }

        return true;
    }
}
