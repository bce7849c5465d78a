using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class UpdateConsumerTests
{
    private static readonly SourceRef Contact = UpdateWorld.Contact("101");
    private static readonly SourceRef Lead = UpdateWorld.Lead("00Q1");

    private readonly UpdateWorld _world = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConsumeOnceAsync_NewUpdate_AppliesRecordsAndCompletes()
    {
        var message = UpdateWorld.Message("p1", Contact, 1, "Lead");
        await _world.SendAsync(message);

        var result = await _world.Consumer("a").ConsumeOnceAsync(Ct);

        Assert.Equal(new(1, 1, 0, 0, 0, 0, 0), result);
        var written = Assert.Single(_world.HubSpot.Applied);
        Assert.Equal(new Dictionary<string, string> { ["stage"] = "Lead" }, written.Properties.ToDictionary());
        Assert.Equal(("p1", Contact, 1L), (written.PersonId, written.Target, written.Version));
        Assert.Equal(1, _world.Ledger.AppliedVersion(Contact));
        Assert.Null(_world.Ledger.ClaimHolder(Contact));
        Assert.Equal([message.MessageId], _world.Queue.Completed);
        Assert.Equal(0, _world.Queue.Count);
    }

    [Fact]
    public async Task ConsumeOnceAsync_EmptyQueue_ReturnsEmpty()
    {
        Assert.Equal(ConsumeBatchResult.Empty, await _world.Consumer("a").ConsumeOnceAsync(Ct));
    }

    [Fact]
    public async Task ConsumeOnceAsync_UpdatesForBothSystems_WritesEachThroughItsSink()
    {
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1), UpdateWorld.Message("p1", Lead, 1));

        var result = await _world.Consumer("a").ConsumeOnceAsync(Ct);

        Assert.Equal(2, result.Applied);
        Assert.Equal([Contact], _world.HubSpot.Applied.Select(u => u.Target));
        Assert.Equal([Lead], _world.Salesforce.Applied.Select(u => u.Target));
    }

    [Fact]
    public async Task ConsumeOnceAsync_VersionNotNewerThanApplied_SkipsWithoutWritingAndCompletes()
    {
        await _world.Ledger.RecordAppliedAsync("earlier", [UpdateWorld.Message("p1", Contact, 3)], Ct);
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 2), UpdateWorld.Message("p1", Contact, 3));

        var result = await _world.Consumer("a").ConsumeOnceAsync(Ct);

        Assert.Equal(2, result.Skipped);
        Assert.Equal(0, result.Applied);
        Assert.Empty(_world.HubSpot.Applied);
        Assert.Equal(0, _world.Queue.Count);
        Assert.Empty(_world.Queue.DeadLetters);
    }

    [Fact]
    public async Task ConsumeOnceAsync_TwoVersionsOfOneTargetInOneReceive_WritesInVersionOrderInTwoRounds()
    {
        // Sent newest first (a re-send after a crash can do that); the consumer must still write 1 then 2.
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 2, "Customer"), UpdateWorld.Message("p1", Contact, 1, "Lead"));

        var result = await _world.Consumer("a").ConsumeOnceAsync(Ct);

        Assert.Equal(2, result.Applied);
        Assert.Equal([1L, 2L], _world.HubSpot.VersionsWritten(Contact));
        Assert.Equal(2, _world.HubSpot.WriteCalls);
        Assert.Equal("Customer", _world.HubSpot.Record(Contact)["stage"]);
        Assert.Equal(2, _world.Ledger.AppliedVersion(Contact));
    }

    [Fact]
    public async Task ConsumeOnceAsync_InDoubtUpdateAlreadyInTarget_NotWrittenAgainButCompletedAndRecorded()
    {
        var message = UpdateWorld.Message("p1", Contact, 1);
        await _world.SendAsync(message);
        _world.HubSpot.CrashAfterNextWrite(new OperationCanceledException("consumer process killed"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _world.Consumer("dies").ConsumeOnceAsync(Ct));
        _world.ExpireLocks();

        var result = await _world.Consumer("b").ConsumeOnceAsync(Ct);

        Assert.Equal(new(1, 1, 0, 0, 0, 0, 0), result);
        Assert.Single(_world.HubSpot.Applied);
        Assert.Equal([Contact], _world.HubSpot.VersionReads);
        Assert.Equal(1, _world.Ledger.AppliedVersion(Contact));
        Assert.Equal([message.MessageId], _world.Queue.Completed);
    }

    [Fact]
    public async Task ConsumeOnceAsync_InDoubtUpdateNotInTarget_IsWritten()
    {
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1));
        _world.HubSpot.ThrowOnNextWrite(new OperationCanceledException("consumer process killed before the request left"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _world.Consumer("dies").ConsumeOnceAsync(Ct));
        _world.ExpireLocks();

        var result = await _world.Consumer("b").ConsumeOnceAsync(Ct);

        Assert.Equal(1, result.Applied);
        Assert.Equal([Contact], _world.HubSpot.VersionReads);
        Assert.Equal([1L], _world.HubSpot.VersionsWritten(Contact));
        Assert.Equal(0, _world.Queue.Count);
    }

    [Fact]
    public async Task ConsumeOnceAsync_InDoubtWithSinkWithoutMarker_WritesTheSameValuesAgain()
    {
        var world = new UpdateWorld(hubSpotMarker: false);
        await world.SendAsync(UpdateWorld.Message("p1", Contact, 1, "Lead"));
        world.HubSpot.CrashAfterNextWrite(new OperationCanceledException("killed"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Consumer("dies").ConsumeOnceAsync(Ct));
        world.ExpireLocks();

        var result = await world.Consumer("b").ConsumeOnceAsync(Ct);

        Assert.Equal(1, result.Applied);
        Assert.Equal([1L, 1L], world.HubSpot.VersionsWritten(Contact));
        Assert.Equal("Lead", world.HubSpot.Record(Contact)["stage"]);
    }

    [Fact]
    public async Task ConsumeOnceAsync_NotInDoubt_DoesNotReadVersionMarkers()
    {
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1));

        await _world.Consumer("a").ConsumeOnceAsync(Ct);

        Assert.Empty(_world.HubSpot.VersionReads);
    }

    [Fact]
    public async Task ConsumeOnceAsync_TransientFailure_AbandonedThenDeadLetteredAtMaxDeliveryCountWithCrmError()
    {
        const string CrmError = "429 TOO_MANY_REQUESTS: secondly limit reached";
        var message = UpdateWorld.Message("p1", Contact, 1);
        await _world.SendAsync(message);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            _world.HubSpot.Script(Contact, attempt, WriteOutcome.Transient, CrmError);
        }

        var consumer = _world.Consumer("a", maxDeliveryCount: 3);
        var first = await consumer.ConsumeOnceAsync(Ct);
        var second = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(new(1, 0, 0, 0, 1, 0, 0), first);
        Assert.Equal(new(1, 0, 0, 0, 1, 0, 0), second);
        Assert.Equal(1, _world.Queue.Count);
        Assert.Empty(_world.Queue.DeadLetters);
        Assert.Equal(CrmError, _world.Ledger.LastError(Contact));
        Assert.Null(_world.Ledger.ClaimHolder(Contact));

        var third = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(new(1, 0, 0, 0, 0, 1, 0), third);
        var dead = Assert.Single(_world.Queue.DeadLetters);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, dead.Reason);
        Assert.Equal(CrmError, dead.Description);
        Assert.Equal(message.MessageId, dead.MessageId);
        Assert.Equal(3, dead.DeliveryCount);
        Assert.Equal(0, _world.Queue.Count);
        Assert.Empty(_world.HubSpot.Applied);
        Assert.Null(_world.Ledger.AppliedVersion(Contact));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(5, false)]
    public async Task ConsumeOnceAsync_AlwaysTransient_DeadLetterCarriesCrmErrorOnlyWhenConsumerLimitIsAtOrBelowQueueLimit(int consumerLimit, bool crmErrorKept)
    {
        const string CrmError = "500 INTERNAL_ERROR";
        var world = new UpdateWorld(queueMaxDeliveryCount: 3);
        await world.SendAsync(UpdateWorld.Message("p1", Contact, 1));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            world.HubSpot.Script(Contact, attempt, WriteOutcome.Transient, CrmError);
        }

        var consumer = world.Consumer("a", maxDeliveryCount: consumerLimit);
        for (var i = 0; i < 5 && world.Queue.Count > 0; i++)
        {
            await consumer.ConsumeOnceAsync(Ct);
        }

        var dead = Assert.Single(world.Queue.DeadLetters);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, dead.Reason);
        Assert.Equal(crmErrorKept, string.Equals(CrmError, dead.Description, StringComparison.Ordinal));
        Assert.Equal(3, dead.DeliveryCount);
    }

    [Fact]
    public async Task ConsumeOnceAsync_TransientThenApplied_AppliedOnRedelivery()
    {
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1));
        _world.HubSpot.Script(Contact, 1, WriteOutcome.Transient, "503");
        var consumer = _world.Consumer("a");

        await consumer.ConsumeOnceAsync(Ct);
        var second = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(1, second.Applied);
        Assert.Equal([1L], _world.HubSpot.VersionsWritten(Contact));
        Assert.Equal(0, _world.Queue.Count);
    }

    [Fact]
    public async Task ConsumeOnceAsync_Rejected_DeadLetteredCrmRejectedAtOnce()
    {
        const string CrmError = "INVALID_EMAIL_ADDRESS: Email: invalid email address";
        await _world.SendAsync(UpdateWorld.Message("p1", Lead, 1), UpdateWorld.Message("p2", UpdateWorld.Lead("00Q2"), 1));
        _world.Salesforce.Script(Lead, 1, WriteOutcome.Rejected, CrmError);

        var result = await _world.Consumer("a").ConsumeOnceAsync(Ct);

        Assert.Equal(new(2, 1, 0, 0, 0, 1, 0), result);
        var dead = Assert.Single(_world.Queue.DeadLetters);
        Assert.Equal((DeadLetterReasons.CrmRejected, CrmError, 1, Lead), (dead.Reason, dead.Description, dead.DeliveryCount, dead.Target));
        Assert.Equal(0, _world.Queue.Count);
        Assert.Equal([UpdateWorld.Lead("00Q2")], _world.Salesforce.Applied.Select(u => u.Target));
        Assert.Null(_world.Ledger.ClaimHolder(Lead));
    }

    [Fact]
    public async Task ConsumeOnceAsync_NoSinkForTargetSystem_DeadLetteredNoSinkForTarget()
    {
        await _world.SendAsync(UpdateWorld.Message("p1", Lead, 1), UpdateWorld.Message("p1", Contact, 1));

        var result = await _world.Consumer("a", sinks: [_world.HubSpot]).ConsumeOnceAsync(Ct);

        Assert.Equal(new(2, 1, 0, 0, 0, 1, 0), result);
        var dead = Assert.Single(_world.Queue.DeadLetters);
        Assert.Equal(DeadLetterReasons.NoSinkForTarget, dead.Reason);
        Assert.Contains("salesforce", dead.Description, StringComparison.Ordinal);
        Assert.Null(_world.Ledger.ClaimHolder(Lead));
        Assert.Equal([Contact], _world.HubSpot.Applied.Select(u => u.Target));
    }

    [Fact]
    public async Task ConsumeOnceAsync_SinkThrows_WholeBatchTransientAndAbandoned()
    {
        var other = UpdateWorld.Contact("102");
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1), UpdateWorld.Message("p2", other, 1));
        _world.HubSpot.ThrowOnNextWrite(new HttpRequestException("connection reset"));

        var result = await _world.Consumer("a").ConsumeOnceAsync(Ct);

        Assert.Equal(new(2, 0, 0, 0, 2, 0, 0), result);
        Assert.Equal(2, _world.Queue.Count);
        Assert.Contains("connection reset", _world.Ledger.LastError(Contact), StringComparison.Ordinal);
        Assert.Contains("connection reset", _world.Ledger.LastError(other), StringComparison.Ordinal);
        Assert.Null(_world.Ledger.ClaimHolder(Contact));
    }

    [Fact]
    public async Task ConsumeOnceAsync_SinkAppliedThenThrew_TreatedAsTransientAndWrittenAgainWithSameValues()
    {
        // A call that fails after the CRM applied it (e.g. a timeout on the response) cannot be told apart from one
        // that failed before: the claim is released, so the redelivery is not in doubt and writes the same values again.
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1, "Lead"));
        _world.HubSpot.CrashAfterNextWrite(new TimeoutException("response timed out"));
        var consumer = _world.Consumer("a");

        var first = await consumer.ConsumeOnceAsync(Ct);
        var second = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(1, first.Retried);
        Assert.Equal(1, second.Applied);
        Assert.Equal([1L, 1L], _world.HubSpot.VersionsWritten(Contact));
        Assert.Empty(_world.HubSpot.VersionReads);
        Assert.Equal("Lead", _world.HubSpot.Record(Contact)["stage"]);
        Assert.Equal(0, _world.Queue.Count);
    }

    [Fact]
    public async Task ConsumeOnceAsync_SinkKeepsThrowing_DeadLetteredWithTheExceptionText()
    {
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1));
        var consumer = _world.Consumer("a", maxDeliveryCount: 2);

        _world.HubSpot.ThrowOnNextWrite(new HttpRequestException("connection reset"));
        await consumer.ConsumeOnceAsync(Ct);
        _world.HubSpot.ThrowOnNextWrite(new HttpRequestException("connection reset again"));
        var last = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(1, last.DeadLettered);
        var dead = Assert.Single(_world.Queue.DeadLetters);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, dead.Reason);
        Assert.Contains("connection reset again", dead.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsumeOnceAsync_TargetClaimedByAnotherConsumer_AbandonedAsBusyThenAppliedAfterTheClaimEnds()
    {
        await _world.Ledger.ClaimAsync("other", [UpdateWorld.Message("p1", Contact, 5)], _world.Time.GetUtcNow() + TimeSpan.FromMinutes(1), Ct);
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1));
        var consumer = _world.Consumer("a");

        var busy = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(new(1, 0, 0, 1, 0, 0, 0), busy);
        Assert.Empty(_world.HubSpot.Applied);
        Assert.Equal(1, _world.Queue.Count);
        Assert.Equal("other", _world.Ledger.ClaimHolder(Contact));

        _world.Time.Advance(TimeSpan.FromMinutes(2));
        var later = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(1, later.Applied);
        Assert.Equal([1L], _world.HubSpot.VersionsWritten(Contact));
    }

    [Fact]
    public async Task ConsumeOnceAsync_LockLostOnComplete_CountedAndRedeliverySkippedAsApplied()
    {
        var message = UpdateWorld.Message("p1", Contact, 1);
        await _world.SendAsync(message);
        var losses = 0;
        _world.Queue.LoseLockOnComplete = _ => losses++ == 0;
        var consumer = _world.Consumer("a");

        var first = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(new(1, 0, 0, 0, 0, 0, 1), first);
        Assert.Equal(1, _world.Queue.Count);
        Assert.Equal(1, _world.Ledger.AppliedVersion(Contact));

        var second = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(new(1, 0, 1, 0, 0, 0, 0), second);
        Assert.Single(_world.HubSpot.Applied);
        Assert.Equal([message.MessageId], _world.Queue.Completed);
    }

    [Fact]
    public async Task ConsumeOnceAsync_LockExpiredDuringWrite_LockLostAndRedeliverySkipped()
    {
        await _world.SendAsync(UpdateWorld.Message("p1", Contact, 1));
        var consumer = _world.Consumer("a");
        var slowSink = new ClockAdvancingSink(_world.HubSpot, _world.Time, UpdateWorld.LockDuration * 2);

        var first = await _world.Consumer("a", sinks: [slowSink]).ConsumeOnceAsync(Ct);
        var second = await consumer.ConsumeOnceAsync(Ct);

        Assert.Equal(1, first.LockLost);
        Assert.Equal(1, second.Skipped);
        Assert.Single(_world.HubSpot.Applied);
        Assert.Equal(0, _world.Queue.Count);
    }

    [Fact]
    public async Task ConsumeOnceAsync_WriteOutlastsTheClaim_ClaimKeptAliveSoNoOtherConsumerTakesTheRecordOver()
    {
        var message = UpdateWorld.Message("p1", Contact, 1);
        await _world.SendAsync(message);
        var gate = new GatedSink(_world.HubSpot);
        var consuming = _world.Consumer("a", sinks: [gate]).ConsumeOnceAsync(Ct);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var firstExpiry = _world.Ledger.ClaimUntil(Contact);

        // The write hangs for three lock durations (a rate-limited CRM with retries); the clock moves in small steps.
        for (var step = 0; step < 9; step++)
        {
            _world.Time.Advance(UpdateWorld.LockDuration / 3);
            await WaitUntilAsync(() => _world.Ledger.ClaimUntil(Contact) > _world.Time.GetUtcNow());
        }

        var other = await _world.Ledger.ClaimAsync("b", [message], _world.Time.GetUtcNow() + UpdateWorld.LockDuration, Ct);
        gate.Release.SetResult();
        var result = await consuming;

        Assert.NotNull(firstExpiry);
        Assert.True(_world.Time.GetUtcNow() > firstExpiry + UpdateWorld.LockDuration);
        Assert.Equal(ClaimStatus.Busy, Assert.Single(other).Status); // still a's record, long after the first expiry
        Assert.Equal(1, result.Applied + result.LockLost);
        Assert.Single(_world.HubSpot.Applied);
        Assert.Null(_world.Ledger.ClaimUntil(Contact)); // settled once the write returned
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(condition(), "the claim was not extended while the write was in flight");
    }

    /// <summary>A sink whose write waits until the test releases it.</summary>
    private sealed class GatedSink(RecordingContactSink inner) : IContactSink
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SourceSystem System => inner.System;

        public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ContactUpdate> updates, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await inner.WriteAsync(updates, cancellationToken);
        }
    }

    /// <summary>A sink whose write takes (fake) time: the clock moves on while it writes.</summary>
    private sealed class ClockAdvancingSink(RecordingContactSink inner, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan takes) : IContactSink
    {
        public SourceSystem System => inner.System;

        public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ContactUpdate> updates, CancellationToken cancellationToken)
        {
            var results = await inner.WriteAsync(updates, cancellationToken);
            time.Advance(takes);
            return results;
        }
    }
}
