using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>
/// An in-memory <see cref="IAppliedUpdateStore"/> following the port's doc comments: per target the applied version,
/// the current claim and the last error; per message id the number of claims, whether its latest claim is still
/// open (neither recorded applied nor released: the next claim of that id is in doubt) and the error it was released
/// with. A target's claim is removed when settled, so a claim still there when the target is claimed again was never
/// settled and the new claim is in doubt too. Each call is one "transaction" (one lock). Thread-safe.
/// </summary>
internal sealed class FakeAppliedUpdateStore(TimeProvider time) : IAppliedUpdateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SourceRef, long> _applied = [];
    private readonly Dictionary<SourceRef, TargetClaim> _claims = [];
    private readonly Dictionary<SourceRef, string> _targetErrors = [];
    private readonly Dictionary<string, MessageState> _messages = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<UpdateClaim>> ClaimAsync(string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = time.GetUtcNow();
        var result = new List<UpdateClaim>(messages.Count);
        lock (_gate)
        {
            var claimedNow = new HashSet<SourceRef>();
            foreach (var message in messages)
            {
                var state = State(message.MessageId);
                if (_applied.TryGetValue(message.Target, out var applied) && applied >= message.Version)
                {
                    result.Add(new UpdateClaim(message, ClaimStatus.AlreadyApplied, state.Attempts, false, state.LastError));
                    continue;
                }

                if (claimedNow.Contains(message.Target)
                    || (_claims.TryGetValue(message.Target, out var held)
                        && held.Until > now
                        && !string.Equals(held.ConsumerId, consumerId, StringComparison.Ordinal)))
                {
                    result.Add(new UpdateClaim(message, ClaimStatus.Busy, state.Attempts, false, state.LastError));
                    continue;
                }

                claimedNow.Add(message.Target);

                // A claim still on the target was never settled (settling removes it): its write may have landed.
                var inDoubt = state.Open || _claims.ContainsKey(message.Target);
                state.Attempts++;
                state.Open = true;
                state.OpenBy = consumerId;
                _claims[message.Target] = new TargetClaim(consumerId, message.MessageId, claimUntil);
                result.Add(new UpdateClaim(message, ClaimStatus.Claimed, state.Attempts, inDoubt, state.LastError));
            }
        }

        return Task.FromResult<IReadOnlyList<UpdateClaim>>(result);
    }

    public Task RecordAppliedAsync(string consumerId, IReadOnlyList<UpdateMessage> applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        lock (_gate)
        {
            foreach (var message in applied)
            {
                if (!_applied.TryGetValue(message.Target, out var version) || version < message.Version)
                {
                    _applied[message.Target] = message.Version;
                }

                End(consumerId, message);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> ExtendClaimsAsync(string consumerId, IReadOnlyList<UpdateMessage> messages, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var extended = 0;
        lock (_gate)
        {
            foreach (var message in messages)
            {
                if (_claims.TryGetValue(message.Target, out var claim)
                    && string.Equals(claim.ConsumerId, consumerId, StringComparison.Ordinal)
                    && string.Equals(claim.MessageId, message.MessageId, StringComparison.Ordinal)
                    && claim.Until < claimUntil)
                {
                    _claims[message.Target] = claim with { Until = claimUntil };
                    extended++;
                }
            }
        }

        return Task.FromResult(extended);
    }

    /// <summary>When the target's open claim expires (null when none).</summary>
    public DateTimeOffset? ClaimUntil(SourceRef target)
    {
        lock (_gate)
        {
            return _claims.TryGetValue(target, out var claim) ? claim.Until : null;
        }
    }

    public Task ReleaseAsync(string consumerId, IReadOnlyList<(UpdateMessage Message, string Error)> failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failures);
        lock (_gate)
        {
            foreach (var (message, error) in failures)
            {
                _targetErrors[message.Target] = error;
                State(message.MessageId).LastError = error;
                End(consumerId, message);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<SourceRef, long>> GetAppliedVersionsAsync(IReadOnlyCollection<SourceRef> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        lock (_gate)
        {
            var found = new Dictionary<SourceRef, long>();
            foreach (var target in targets)
            {
                if (_applied.TryGetValue(target, out var version))
                {
                    found[target] = version;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<SourceRef, long>>(found);
        }
    }

    /// <summary>The applied version of a target, or null.</summary>
    public long? AppliedVersion(SourceRef target)
    {
        lock (_gate)
        {
            return _applied.TryGetValue(target, out var version) ? version : null;
        }
    }

    /// <summary>The consumer holding a claim on the target (expired or not), or null.</summary>
    public string? ClaimHolder(SourceRef target)
    {
        lock (_gate)
        {
            return _claims.TryGetValue(target, out var claim) ? claim.ConsumerId : null;
        }
    }

    /// <summary>The last error a target was released with, or null.</summary>
    public string? LastError(SourceRef target)
    {
        lock (_gate)
        {
            return _targetErrors.GetValueOrDefault(target);
        }
    }

    private void End(string consumerId, UpdateMessage message)
    {
        if (_claims.TryGetValue(message.Target, out var claim)
            && string.Equals(claim.ConsumerId, consumerId, StringComparison.Ordinal)
            && string.Equals(claim.MessageId, message.MessageId, StringComparison.Ordinal))
        {
            _claims.Remove(message.Target);
        }

        var state = State(message.MessageId);
        if (string.Equals(state.OpenBy, consumerId, StringComparison.Ordinal))
        {
            state.Open = false;
            state.OpenBy = null;
        }
    }

    private MessageState State(string messageId)
    {
        if (!_messages.TryGetValue(messageId, out var state))
        {
            state = new MessageState();
            _messages.Add(messageId, state);
        }

        return state;
    }

    private sealed record TargetClaim(string ConsumerId, string MessageId, DateTimeOffset Until);

    private sealed class MessageState
    {
        public int Attempts { get; set; }

        public bool Open { get; set; }

        public string? OpenBy { get; set; }

        public string LastError { get; set; } = string.Empty;
    }
}
