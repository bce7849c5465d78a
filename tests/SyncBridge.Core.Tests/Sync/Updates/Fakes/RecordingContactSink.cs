using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>
/// A recording <see cref="IContactSink"/>: keeps every update it applied (in order), each record's properties and
/// version marker, and the targets it was asked to read. Outcomes can be scripted per target and attempt (the n-th
/// time that target reaches the sink); a write call can be made to throw before applying anything, or to "crash"
/// after applying the whole call (the write reached the CRM, then the consumer died or the call failed).
/// Thread-safe.
/// </summary>
internal sealed class RecordingContactSink(SourceSystem system, bool hasMarker = true) : IContactSink
{
    private readonly Lock _gate = new();
    private readonly List<ContactUpdate> _applied = [];
    private readonly Dictionary<SourceRef, Dictionary<string, string>> _records = [];
    private readonly Dictionary<SourceRef, long> _markers = [];
    private readonly Dictionary<SourceRef, int> _attempts = [];
    private readonly Dictionary<(SourceRef Target, int Attempt), (WriteOutcome Outcome, string Error)> _script = [];
    private readonly Queue<(Exception Error, bool AfterApply)> _failures = new();
    private int _transientCalls;
    private readonly List<SourceRef> _versionReads = [];
    private readonly List<(Func<ContactUpdate, bool> When, Exception Error)> _crashWhen = [];
    private readonly HashSet<SourceRef> _writing = [];
    private int _writeCalls;

    public SourceSystem System { get; } = system;

    /// <summary>Set when two write calls held the same record at once (competing consumers must never do that).</summary>
    public bool OverlappingWriteSeen { get; private set; }

    /// <summary>Every update applied, in order (a crash after applying still counts: the CRM has it).</summary>
    public IReadOnlyList<ContactUpdate> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    public int WriteCalls
    {
        get
        {
            lock (_gate)
            {
                return _writeCalls;
            }
        }
    }

    /// <summary>Targets passed to <see cref="ReadVersionsAsync"/>, in order.</summary>
    public IReadOnlyList<SourceRef> VersionReads
    {
        get
        {
            lock (_gate)
            {
                return [.. _versionReads];
            }
        }
    }

    /// <summary>The versions applied to one target, in write order.</summary>
    public IReadOnlyList<long> VersionsWritten(SourceRef target)
    {
        lock (_gate)
        {
            return [.. _applied.Where(u => u.Target == target).Select(u => u.Version)];
        }
    }

    public IReadOnlyDictionary<string, string> Record(SourceRef target)
    {
        lock (_gate)
        {
            return _records.TryGetValue(target, out var record) ? new Dictionary<string, string>(record, StringComparer.Ordinal) : new Dictionary<string, string>();
        }
    }

    public long? Marker(SourceRef target)
    {
        lock (_gate)
        {
            return _markers.TryGetValue(target, out var marker) ? marker : null;
        }
    }

    /// <summary>The outcome of the <paramref name="attempt"/>-th write (1-based) of <paramref name="target"/>; unscripted attempts apply.</summary>
    public void Script(SourceRef target, int attempt, WriteOutcome outcome, string error = "")
    {
        lock (_gate)
        {
            _script[(target, attempt)] = (outcome, error);
        }
    }

    /// <summary>The next write call throws <paramref name="error"/> without applying anything.</summary>
    public void ThrowOnNextWrite(Exception error)
    {
        lock (_gate)
        {
            _failures.Enqueue((error, false));
        }
    }

    /// <summary>The next write call applies every update it carries, then throws <paramref name="error"/>.</summary>
    public void CrashAfterNextWrite(Exception error)
    {
        lock (_gate)
        {
            _failures.Enqueue((error, true));
        }
    }

    /// <summary>The next write call answers Transient for every update it carries and applies nothing.</summary>
    public void FailNextWriteTransiently()
    {
        lock (_gate)
        {
            _transientCalls++;
        }
    }

    /// <summary>The first write call carrying an update that matches <paramref name="when"/> applies its updates, then throws <paramref name="error"/>.</summary>
    public void CrashAfterWriteOf(Func<ContactUpdate, bool> when, Exception error)
    {
        lock (_gate)
        {
            _crashWhen.Add((when, error));
        }
    }

    /// <summary>Drops every armed throw or crash that no write call has taken yet.</summary>
    public void ClearFailures()
    {
        lock (_gate)
        {
            _failures.Clear();
            _crashWhen.Clear();
            _transientCalls = 0;
        }
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ContactUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        (Exception Error, bool AfterApply)? failure;
        bool transient;
        lock (_gate)
        {
            _writeCalls++;
            transient = _transientCalls > 0;
            if (transient)
            {
                _transientCalls--;
            }

            failure = _failures.Count > 0 ? _failures.Dequeue() : null;
            var crash = _crashWhen.FindIndex(c => updates.Any(c.When));
            if (failure is null && crash >= 0)
            {
                failure = (_crashWhen[crash].Error, true);
                _crashWhen.RemoveAt(crash);
            }
            foreach (var update in updates)
            {
                if (!_writing.Add(update.Target))
                {
                    OverlappingWriteSeen = true;
                }
            }
        }

        try
        {
            // Let a competing consumer run in between, as a real HTTP call would.
            await Task.Yield();
            if (failure is { AfterApply: false } before)
            {
                throw before.Error;
            }

            if (transient)
            {
                return [.. updates.Select(u => new WriteResult(u, WriteOutcome.Transient, "scripted transient failure"))];
            }

            var results = new List<WriteResult>(updates.Count);
            lock (_gate)
            {
                foreach (var update in updates)
                {
                    var attempt = _attempts[update.Target] = _attempts.GetValueOrDefault(update.Target) + 1;
                    var (outcome, error) = failure is null && _script.TryGetValue((update.Target, attempt), out var scripted)
                        ? scripted
                        : (WriteOutcome.Applied, string.Empty);
                    if (outcome == WriteOutcome.Applied)
                    {
                        Apply(update);
                    }

                    results.Add(new WriteResult(update, outcome, error));
                }
            }

            if (failure is { AfterApply: true } after)
            {
                throw after.Error;
            }

            // Any order is allowed by the port.
            results.Reverse();
            return results;
        }
        finally
        {
            lock (_gate)
            {
                foreach (var update in updates)
                {
                    _writing.Remove(update.Target);
                }
            }
        }
    }

    public Task<IReadOnlyDictionary<SourceRef, long>> ReadVersionsAsync(IReadOnlyList<SourceRef> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        lock (_gate)
        {
            _versionReads.AddRange(targets);
            var found = new Dictionary<SourceRef, long>();
            if (hasMarker)
            {
                foreach (var target in targets)
                {
                    if (_markers.TryGetValue(target, out var marker))
                    {
                        found[target] = marker;
                    }
                }
            }

            return Task.FromResult<IReadOnlyDictionary<SourceRef, long>>(found);
        }
    }

    private void Apply(ContactUpdate update)
    {
        _applied.Add(update);
        if (!_records.TryGetValue(update.Target, out var record))
        {
            record = new Dictionary<string, string>(StringComparer.Ordinal);
            _records.Add(update.Target, record);
        }

        foreach (var (name, value) in update.Properties)
        {
            record[name] = value;
        }

        if (hasMarker)
        {
            _markers[update.Target] = update.Version;
        }
    }
}
