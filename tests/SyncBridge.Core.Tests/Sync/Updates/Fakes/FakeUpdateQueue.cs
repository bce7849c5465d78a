using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>
/// An in-memory <see cref="IUpdateQueue"/> with peek-lock semantics driven by a <see cref="FakeTimeProvider"/>: a
/// received message is locked until now + lock duration, then visible again (its lock token goes stale) and handed
/// out with delivery count + 1. Messages keep their send position when abandoned or when their lock expires.
/// Thread-safe, so competing consumers can share one.
/// </summary>
internal sealed class FakeUpdateQueue(FakeTimeProvider time) : IUpdateQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<DeadLetter> _deadLetters = [];
    private readonly List<IReadOnlyList<string>> _sendCalls = [];
    private readonly List<string> _completed = [];
    private long _sequence;

    /// <summary>When set, a person's messages are handed out in send order, one at a time (like Service Bus sessions).</summary>
    public bool PerPersonOrdering { get; init; }

    /// <summary>The queue's own limit: a message delivered this many times is dead-lettered by the queue instead of delivered again.</summary>
    public int MaxDeliveryCount { get; init; } = int.MaxValue;

    /// <summary>Decides, per completion, whether the lock is "lost" (the message becomes visible again and Complete throws).</summary>
    public Func<ReceivedUpdate, bool>? LoseLockOnComplete { get; set; }

    /// <summary>Thrown by the next <see cref="SendAsync"/> (before anything is stored), then cleared.</summary>
    public Exception? FailNextSend { get; set; }

    /// <summary>Messages in the queue (visible or locked).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public IReadOnlyList<DeadLetter> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return [.. _deadLetters];
            }
        }
    }

    /// <summary>The message ids of each successful send call, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SendCalls
    {
        get
        {
            lock (_gate)
            {
                return [.. _sendCalls];
            }
        }
    }

    /// <summary>The message ids completed, in order.</summary>
    public IReadOnlyList<string> Completed
    {
        get
        {
            lock (_gate)
            {
                return [.. _completed];
            }
        }
    }

    public Task SendAsync(IReadOnlyList<UpdateMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            if (FailNextSend is { } failure)
            {
                FailNextSend = null;
                throw failure;
            }

            foreach (var message in messages)
            {
                if (_entries.Exists(e => string.Equals(e.Message.MessageId, message.MessageId, StringComparison.Ordinal)))
                {
                    continue;
                }

                _entries.Add(new Entry(message, ++_sequence, time.GetUtcNow()));
            }

            _sendCalls.Add([.. messages.Select(m => m.MessageId)]);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivedUpdate>> ReceiveAsync(int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handedOut = new List<ReceivedUpdate>();
        lock (_gate)
        {
            var blockedPeople = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in _entries.ToList())
            {
                if (handedOut.Count >= maxMessages)
                {
                    break;
                }

                var locked = entry.LockToken is not null && entry.LockedUntil > now;
                if (PerPersonOrdering && (locked || blockedPeople.Contains(entry.Message.PersonKey)))
                {
                    blockedPeople.Add(entry.Message.PersonKey);
                    continue;
                }

                if (locked)
                {
                    continue;
                }

                if (entry.DeliveryCount >= MaxDeliveryCount)
                {
                    MoveToDeadLetters(entry, DeadLetterReasons.MaxDeliveryCountExceeded, "the queue's delivery limit was reached", now);
                    continue;
                }

                entry.DeliveryCount++;
                entry.LockToken = Guid.NewGuid().ToString("N");
                entry.LockedUntil = now + lockDuration;
                handedOut.Add(new ReceivedUpdate(entry.Message, entry.DeliveryCount, entry.LockToken, entry.LockedUntil));
                if (PerPersonOrdering)
                {
                    blockedPeople.Add(entry.Message.PersonKey);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<ReceivedUpdate>>(handedOut);
    }

    public Task CompleteAsync(ReceivedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var entry = Held(update);
            if (LoseLockOnComplete?.Invoke(update) == true)
            {
                entry.LockToken = null;
                throw new UpdateLockLostException($"Lock of {update.Message.MessageId} lost (scripted).");
            }

            _entries.Remove(entry);
            _completed.Add(update.Message.MessageId);
        }

        return Task.CompletedTask;
    }

    public Task AbandonAsync(ReceivedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            Held(update).LockToken = null;
        }

        return Task.CompletedTask;
    }

    public Task DeadLetterAsync(ReceivedUpdate update, string reason, string description)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            MoveToDeadLetters(Held(update), reason, description, time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    /// <summary>The entry whose current lock is <paramref name="update"/>'s; throws <see cref="UpdateLockLostException"/> otherwise.</summary>
    private Entry Held(ReceivedUpdate update)
    {
        var now = time.GetUtcNow();
        var entry = _entries.Find(e => string.Equals(e.LockToken, update.LockToken, StringComparison.Ordinal));
        if (entry is null || entry.LockedUntil <= now)
        {
            throw new UpdateLockLostException($"Lock {update.LockToken} of {update.Message.MessageId} is not held.");
        }

        return entry;
    }

    private void MoveToDeadLetters(Entry entry, string reason, string description, DateTimeOffset now)
    {
        _entries.Remove(entry);
        var m = entry.Message;
        _deadLetters.Add(new DeadLetter(m.MessageId, m.PersonKey, m.Target, m.Version, reason, description, entry.DeliveryCount, entry.EnqueuedAt, now));
    }

    private sealed class Entry(UpdateMessage message, long sequence, DateTimeOffset enqueuedAt)
    {
        public UpdateMessage Message { get; } = message;

        public long Sequence { get; } = sequence;

        public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

        public int DeliveryCount { get; set; }

        public string? LockToken { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
