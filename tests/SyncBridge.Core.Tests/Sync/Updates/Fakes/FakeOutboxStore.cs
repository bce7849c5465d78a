using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>
/// An in-memory <see cref="IOutboxStore"/>: decisions and decision versions per person, snapshots per target, and
/// outbox rows pending or sent. <see cref="CommitAsync"/> applies a whole commit or nothing.
/// </summary>
internal sealed class FakeOutboxStore(TimeProvider time) : IOutboxStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DecisionRecord> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceRef, IReadOnlyDictionary<string, string>> _snapshots = [];
    private readonly List<Row> _rows = [];
    private readonly List<UpdateMessage> _appended = [];
    private long _nextId;

    /// <summary>Thrown by the next <see cref="MarkSentAsync"/> before it marks anything (a crash after the send), then cleared.</summary>
    public Exception? FailNextMarkSent { get; set; }

    public int CommitCalls { get; private set; }

    /// <summary>Every message ever appended, in outbox order.</summary>
    public IReadOnlyList<UpdateMessage> AllMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _appended];
            }
        }
    }

    public long VersionOf(string personId)
    {
        lock (_gate)
        {
            return _versions.GetValueOrDefault(personId);
        }
    }

    public Task<IReadOnlyDictionary<SourceRef, IReadOnlyDictionary<string, string>>> GetSnapshotsAsync(IReadOnlyCollection<SourceRef> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        lock (_gate)
        {
            var found = new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>();
            foreach (var target in targets)
            {
                if (_snapshots.TryGetValue(target, out var snapshot))
                {
                    found[target] = snapshot;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<SourceRef, IReadOnlyDictionary<string, string>>>(found);
        }
    }

    public Task<IReadOnlyList<UpdateMessage>> CommitAsync(IReadOnlyList<PersonChangeSet> changeSets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeSets);
        lock (_gate)
        {
            CommitCalls++;

            // Build everything first so a bad change set (UpdateMessage.Create throws) leaves nothing behind.
            var versions = new Dictionary<string, long>(_versions, StringComparer.Ordinal);
            var appended = new List<UpdateMessage>();
            var snapshots = new List<(SourceRef Target, IReadOnlyDictionary<string, string> Snapshot)>();
            foreach (var set in changeSets)
            {
                var changed = set.Changes.Where(c => c.Changed.Count > 0).ToList();
                if (changed.Count == 0)
                {
                    continue;
                }

                var version = versions.GetValueOrDefault(set.PersonId) + 1;
                versions[set.PersonId] = version;
                foreach (var change in changed)
                {
                    snapshots.Add((change.Target, new Dictionary<string, string>(change.Snapshot, StringComparer.Ordinal)));
                    appended.Add(UpdateMessage.Create(set.PersonId, change.Target, change.Snapshot, version));
                }
            }

            foreach (var set in changeSets)
            {
                _decisions[set.PersonId] = set.Decision;
            }

            foreach (var (person, version) in versions)
            {
                _versions[person] = version;
            }

            foreach (var (target, snapshot) in snapshots)
            {
                _snapshots[target] = snapshot;
            }

            var now = time.GetUtcNow();
            foreach (var message in appended)
            {
                _rows.Add(new Row(++_nextId, message, now));
                _appended.Add(message);
            }

            return Task.FromResult<IReadOnlyList<UpdateMessage>>(appended);
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _rows.Where(r => !r.Sent).Take(max).Select(r => new OutboxEntry(r.Id, r.Message))]);
        }
    }

    public Task MarkSentAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            if (FailNextMarkSent is { } failure)
            {
                FailNextMarkSent = null;
                throw failure;
            }

            var set = ids.ToHashSet();
            foreach (var row in _rows.Where(r => set.Contains(r.Id) && !r.Sent))
            {
                row.Sent = true;
                row.SentAt = time.GetUtcNow();
            }
        }

        return Task.CompletedTask;
    }

    public Task<DecisionRecord?> GetDecisionAsync(string personId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_decisions.GetValueOrDefault(personId));
        }
    }

    public Task<int> PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.RemoveAll(r => r.SentAt is { } at && at < sentBefore));
        }
    }

    public Task<OutboxStatus> GetOutboxStatusAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var pending = _rows.Where(r => !r.Sent).ToList();
            return Task.FromResult(new OutboxStatus(pending.Count, pending.Count == 0 ? null : pending.Min(r => r.CommittedAt)));
        }
    }

    private sealed class Row(long id, UpdateMessage message, DateTimeOffset committedAt)
    {
        public long Id { get; } = id;

        public UpdateMessage Message { get; } = message;

        public DateTimeOffset CommittedAt { get; } = committedAt;

        public bool Sent { get; set; }

        public DateTimeOffset? SentAt { get; set; }
    }
}
