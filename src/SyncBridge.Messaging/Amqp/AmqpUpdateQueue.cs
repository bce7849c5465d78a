using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Sockets;
using Amqp;
using Amqp.Framing;
using Amqp.Types;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// The AMQP 1.0 transport (Azure Service Bus, or RabbitMQ's AMQP 1.0 plugin for tests) behind <see cref="IUpdateQueue"/>,
/// <see cref="IDeadLetterStore"/> and <see cref="IQueueMonitor"/>, over one managed connection.
/// <list type="bullet">
/// <item>Send: every message of a batch is sent at once (pipelined, durable) and the call returns when the broker accepted
/// all of them; a rejected message throws <see cref="AmqpTransportException"/> with the broker's error.</item>
/// <item>Receive (peek-lock): waits up to <see cref="ServiceBusTransportOptions.ReceiveWait"/> for the first message.
/// Complete = accepted, abandon = released, dead-letter = rejected with <c>com.microsoft:dead-letter</c> (Service Bus) or,
/// on RabbitMQ (which drops a rejection's error info), a copy sent to the dead-letter queue with <c>DeadLetterReason</c> /
/// <c>DeadLetterErrorDescription</c> application properties and then accepted (a crash in between leaves a duplicate in
/// the dead-letter queue, never a loss). The lock is held client-side: an update not settled by its lock time is
/// released, and settling it then throws <see cref="UpdateLockLostException"/>; so does settling after the connection dropped.</item>
/// <item>A dropped connection is reopened with jittered exponential backoff (Polly); a send in flight is sent again on
/// the new connection (ids are deterministic, the consumer is idempotent), unsettled deliveries go back to the broker.</item>
/// </list>
/// The queue and its dead-letter queue are checked once before first use (<see cref="EnsureQueuesExistAsync"/>).
/// <see cref="GetStatusAsync"/> reads the broker's depth when it can (<see cref="ServiceBusTransportOptions.ReadQueueDepth"/>):
/// RabbitMQ's management API, or Service Bus's management endpoint with a fallback to this process's figures when that
/// read fails; otherwise it reports what this process knows, with a <see cref="QueueStatus.Caveat"/> saying so.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a message queue implementing IUpdateQueue.")]
public sealed class AmqpUpdateQueue : IUpdateQueue, IDeadLetterStore, IQueueMonitor, IAsyncDisposable, IDisposable
{
    /// <summary>Reason given to a received message that is not a readable update.</summary>
    public const string InvalidMessageReason = DeadLetterReasons.MalformedMessage;

    /// <summary>How many dead letters replay and purge by id look through (the oldest first).</summary>
    public const int DeadLetterScanLimit = 5000;

    internal const string ReasonProperty = "DeadLetterReason";
    internal const string DescriptionProperty = "DeadLetterErrorDescription";
    internal const string DeadLetteredAtProperty = "DeadLetteredAt";
    internal const string DeliveryCountProperty = "DeliveryCount";
    internal const int MaxDescriptionLength = 4096;

    private static readonly Symbol DeliveryCountAnnotation = new("x-delivery-count");
    private static readonly Symbol EnqueuedTimeAnnotation = new("x-opt-enqueued-time");
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ScanGap = TimeSpan.FromMilliseconds(150);

    // AMQPNetLite 2.5.5's ReceiveAsync(TimeSpan.Zero) never completes when no message is buffered: wait a little instead.
    private static readonly TimeSpan NextMessageWait = TimeSpan.FromMilliseconds(5);

    private readonly ServiceBusTransportOptions _options;
    private readonly ServiceBusConnectionString _connectionString;
    private readonly AmqpAddressMapper _addresses;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly IRabbitMqManagementApi? _management;
    private readonly ServiceBusQueueStatusReader? _serviceBusStatus;
    private readonly string? _processOnlyCaveat;
    private readonly string _queueAddress;
    private readonly string _deadLetterAddress;
    private readonly SemaphoreSlim _scopeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, AmqpLockedDelivery> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _deliveriesSeen = new(StringComparer.Ordinal);
    private AmqpConnectionScope? _scope;
    private ITimer? _sweepTimer;
    private Task? _startupCheck;
    private int _generation;
    private volatile bool _disposed;

    /// <param name="options">The transport's settings.</param>
    /// <param name="timeProvider">The clock for locks, tokens and reconnect delays.</param>
    /// <param name="logger">The transport's logger.</param>
    /// <param name="management">RabbitMQ's management API client, used by <see cref="GetStatusAsync"/> with Dialect RabbitMq.</param>
    /// <param name="serviceBusManagement">Service Bus's management endpoint client, used by <see cref="GetStatusAsync"/> with Dialect ServiceBus.</param>
    public AmqpUpdateQueue(
        ServiceBusTransportOptions options,
        TimeProvider timeProvider,
        ILogger<AmqpUpdateQueue> logger,
        IRabbitMqManagementApi? management = null,
        IServiceBusManagementApi? serviceBusManagement = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var validation = new ServiceBusTransportOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _options = options;
        _connectionString = ServiceBusConnectionString.Parse(options.ConnectionString);
        (_management, _serviceBusStatus, _processOnlyCaveat) = DepthSource(options, _connectionString, management, serviceBusManagement, logger);
        _addresses = new AmqpAddressMapper(options.Dialect);
        _queueAddress = _addresses.QueueAddress(options.QueueName);
        _deadLetterAddress = _addresses.DeadLetterAddress(options.QueueName);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectBaseDelay,
                MaxDelay = options.ReconnectMaxDelay,
                MaxRetryAttempts = Math.Max(1, options.ReconnectMaxAttempts),
                OnRetry = async args =>
                {
                    Log.Reconnecting(_logger, args.Outcome.Exception?.Message ?? "unknown", args.AttemptNumber + 1, args.RetryDelay);
                    await DropScopeAsync().ConfigureAwait(false);
                },
            })
            .Build();
    }

    /// <summary>The number of connections opened so far (1 after the first use; more after reconnects).</summary>
    public int ConnectionGeneration => Volatile.Read(ref _generation);

    /// <summary>
    /// Attaches to the queue and its dead-letter queue and throws <see cref="AmqpTransportException"/> naming the setting
    /// <c>SyncBridge:Queue:ServiceBus:QueueName</c> and the address when either is missing (some brokers drop a send to a
    /// missing queue without an error). Run by <see cref="AmqpQueueStartupCheck"/> at host start and before first use.
    /// </summary>
    public async Task EnsureQueuesExistAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await ExecuteAsync(
            async (scope, token) =>
            {
                await CheckAttachAsync(scope, _queueAddress, $"the queue '{_options.QueueName}'", token).ConfigureAwait(false);
                await CheckAttachAsync(
                    scope, _deadLetterAddress, $"its dead-letter queue '{_addresses.DeadLetterQueueName(_options.QueueName)}'", token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        Log.QueuesChecked(_logger, _options.QueueName, _queueAddress, _deadLetterAddress);
        _ = Interlocked.CompareExchange(ref _startupCheck, Task.CompletedTask, null);
    }

    public async Task SendAsync(IReadOnlyList<UpdateMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
        }

        if (messages.Count == 0)
        {
            return;
        }

        await StartupCheckAsync(cancellationToken).ConfigureAwait(false);
        var bodies = new byte[messages.Count][];
        for (var i = 0; i < messages.Count; i++)
        {
            bodies[i] = UpdateMessageSerializer.Serialize(messages[i]);
        }

        await ExecuteAsync(
            async (scope, token) =>
            {
                var sender = await scope.GetSenderAsync(_queueAddress, token).ConfigureAwait(false);
                var now = _timeProvider.GetUtcNow().UtcDateTime;
                var sends = new Task[messages.Count];
                for (var i = 0; i < messages.Count; i++)
                {
                    var envelope = new AmqpEnvelope(messages[i].MessageId, UpdateMessage.Subject, UpdateMessage.ContentType, messages[i].PersonKey, bodies[i]);
                    var amqp = AmqpMessageMapper.ToMessage(envelope);
                    amqp.Properties.CreationTime = now;
                    sends[i] = sender.SendAsync(amqp, _options.OperationTimeout);
                }

                await AwaitOutcomesAsync(sends, i => messages[i].MessageId, scope, sender, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReceivedUpdate>> ReceiveAsync(int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lockDuration, TimeSpan.Zero);
        await StartupCheckAsync(cancellationToken).ConfigureAwait(false);
        EnsureSweeping();

        var (scope, receiver, first) = await ExecuteAsync(
            async (scope, token) =>
            {
                var link = await scope.GetReceiverAsync(_queueAddress, _options.PrefetchCount, token).ConfigureAwait(false);

                // Not cancellable on purpose: a message that arrived after an abandoned wait would stay locked until the link closes.
                var message = await link.ReceiveAsync(_options.ReceiveWait > TimeSpan.Zero ? _options.ReceiveWait : NextMessageWait).ConfigureAwait(false);
                scope.ThrowIfClosed();
                return (scope, link, message);
            },
            cancellationToken).ConfigureAwait(false);

        var received = new List<ReceivedUpdate>();
        var message = first;
        while (message is not null)
        {
            var update = await AcceptDeliveryAsync(message, scope, receiver.Link, lockDuration).ConfigureAwait(false);
            if (update is not null)
            {
                received.Add(update);
            }

            if (received.Count >= maxMessages || receiver.Link.IsClosed)
            {
                break;
            }

            message = await receiver.ReceiveAsync(NextMessageWait).ConfigureAwait(false);
        }

        return received;
    }

    public Task CompleteAsync(ReceivedUpdate update)
    {
        var locked = TakeLock(update);
        Settle(locked, static (link, message) => link.Accept(message));
        _deliveriesSeen.TryRemove(locked.Update.MessageId, out _);
        return Task.CompletedTask;
    }

    public Task AbandonAsync(ReceivedUpdate update)
    {
        var locked = TakeLock(update);
        Settle(locked, static (link, message) => link.Release(message));
        return Task.CompletedTask;
    }

    public async Task DeadLetterAsync(ReceivedUpdate update, string reason, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(description);
        var locked = TakeLock(update);
        await DeadLetterDeliveryAsync(locked.Message, locked.Link, locked.Scope, reason, description, update.DeliveryCount).ConfigureAwait(false);
        _deliveriesSeen.TryRemove(locked.Update.MessageId, out _);
        Log.DeadLettered(_logger, locked.Update.MessageId, locked.Update.PersonKey, reason);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await StartupCheckAsync(cancellationToken).ConfigureAwait(false);
        return await ScanDeadLettersAsync(
            Math.Min(max + 100, DeadLetterScanLimit),
            (messages, _, _) =>
            {
                var result = new List<DeadLetter>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var message in messages)
                {
                    if (result.Count < max && TryReadDeadLetter(message, out var deadLetter) && seen.Add(deadLetter.MessageId))
                    {
                        result.Add(deadLetter);
                    }
                }

                return Task.FromResult<(IReadOnlyList<DeadLetter>, IReadOnlyCollection<Message>)>((result, []));
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ReplayDeadLetterAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        await StartupCheckAsync(cancellationToken).ConfigureAwait(false);
        var replayed = await ScanDeadLettersAsync(
            DeadLetterScanLimit,
            async (messages, scope, token) =>
            {
                var matches = messages.Where(m => string.Equals(m.Properties?.MessageId, messageId, StringComparison.Ordinal)).ToList();
                if (matches.Count > 0)
                {
                    await SendCopiesAsync(scope, matches.Take(1).ToList(), token).ConfigureAwait(false);
                }

                return (matches.Count > 0, (IReadOnlyCollection<Message>)matches);
            },
            cancellationToken).ConfigureAwait(false);
        if (replayed)
        {
            Log.Replayed(_logger, 1);
        }

        return replayed;
    }

    public async Task<int> ReplayAllDeadLettersAsync(CancellationToken cancellationToken)
    {
        await StartupCheckAsync(cancellationToken).ConfigureAwait(false);
        var total = 0;
        while (true)
        {
            var count = await ScanDeadLettersAsync(
                500,
                async (messages, scope, token) =>
                {
                    var distinct = messages
                        .GroupBy(m => m.Properties?.MessageId ?? string.Empty, StringComparer.Ordinal)
                        .Select(g => g.First())
                        .ToList();
                    await SendCopiesAsync(scope, distinct, token).ConfigureAwait(false);
                    return (distinct.Count, (IReadOnlyCollection<Message>)messages);
                },
                cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                break;
            }

            total += count;
        }

        Log.Replayed(_logger, total);
        return total;
    }

    public async Task<bool> PurgeDeadLetterAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        await StartupCheckAsync(cancellationToken).ConfigureAwait(false);
        var purged = await ScanDeadLettersAsync(
            DeadLetterScanLimit,
            (messages, _, _) =>
            {
                var matches = messages.Where(m => string.Equals(m.Properties?.MessageId, messageId, StringComparison.Ordinal)).ToList();
                return Task.FromResult((matches.Count > 0, (IReadOnlyCollection<Message>)matches));
            },
            cancellationToken).ConfigureAwait(false);
        if (purged)
        {
            Log.Purged(_logger, messageId);
        }

        return purged;
    }

    /// <summary>
    /// AMQP 1.0 has no queue-depth query, so the broker's management endpoint is read when
    /// <see cref="ServiceBusTransportOptions.ReadQueueDepth"/> is on (the default).
    /// RabbitMQ with its management API (<see cref="ServiceBusTransportOptions.ManagementEndpoint"/>): depth, unacknowledged
    /// (in flight, all consumers) and dead letters as the broker last counted them.
    /// Service Bus (an <c>sb://</c> endpoint or a ManagementEndpoint): the queue description's counts
    /// (<see cref="ServiceBusQueueCounts.ToStatus"/>); when that read fails (for example a SAS rule without the Manage
    /// right), what this process knows, with a <see cref="QueueStatus.Caveat"/> naming the failure; never an exception for it.
    /// Otherwise what this process knows, with a caveat naming the setting: <see cref="QueueStatus.InFlight"/> and
    /// <see cref="QueueStatus.Depth"/> count the updates this process holds locked (a lower bound of the depth), and
    /// <see cref="QueueStatus.DeadLetters"/> is counted by browsing the dead-letter queue (at most <see cref="DeadLetterScanLimit"/>).
    /// <see cref="QueueStatus.OldestAge"/> is null in every case.
    /// </summary>
    public async Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (_serviceBusStatus is not null)
        {
            return await _serviceBusStatus.GetStatusAsync(_locks.Count, ProcessStatusAsync, cancellationToken).ConfigureAwait(false);
        }

        if (_management is not null)
        {
            var virtualHost = _options.VirtualHost ?? "/";
            var queue = await _management.GetQueueAsync(virtualHost, _options.QueueName, cancellationToken).ConfigureAwait(false);
            var deadLetterQueue = await _management.GetQueueAsync(
                virtualHost, _addresses.DeadLetterQueueName(_options.QueueName), cancellationToken).ConfigureAwait(false);
            return new QueueStatus(queue.Messages, queue.MessagesUnacknowledged, null, deadLetterQueue.Messages);
        }

        return await ProcessStatusAsync(cancellationToken).ConfigureAwait(false) with { Caveat = _processOnlyCaveat };
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_sweepTimer is not null)
        {
            await _sweepTimer.DisposeAsync().ConfigureAwait(false);
        }

        _locks.Clear();
        await DropScopeAsync().ConfigureAwait(false);
        _scopeLock.Dispose();
    }

    /// <summary>For containers disposed synchronously: closes the connection (waits up to a few seconds for the broker).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static (IRabbitMqManagementApi?, ServiceBusQueueStatusReader?, string) DepthSource(
        ServiceBusTransportOptions options,
        ServiceBusConnectionString connectionString,
        IRabbitMqManagementApi? rabbitMq,
        IServiceBusManagementApi? serviceBus,
        ILogger logger)
    {
        const string Section = ServiceBusTransportOptions.SectionName;
        const string OnlyThisProcess = "; depth and in flight are only what this process holds.";
        if (!options.ReadQueueDepth)
        {
            return (null, null, $"The broker's depth is not read ({Section}:{nameof(options.ReadQueueDepth)} is false){OnlyThisProcess}");
        }

        if (options.Dialect == AmqpDialect.RabbitMq)
        {
            return (rabbitMq, null, $"The broker's depth is not read (no {Section}:{nameof(options.ManagementEndpoint)}){OnlyThisProcess}");
        }

        var endpoint = options.ManagementEndpoint ?? connectionString.ManagementAddress?.OriginalString;
        if (endpoint is null)
        {
            return (null, null, $"The broker's depth is not read (an {connectionString.Endpoint.Scheme}:// endpoint has no Service Bus management address; set {Section}:{nameof(options.ManagementEndpoint)}){OnlyThisProcess}");
        }

        return serviceBus is null
            ? (null, null, $"The broker's depth is not read (no Service Bus management client is registered){OnlyThisProcess}")
            : (null, new ServiceBusQueueStatusReader(serviceBus, options.QueueName, endpoint, logger), string.Empty);
    }

    private async Task<QueueStatus> ProcessStatusAsync(CancellationToken cancellationToken)
    {
        var deadLetters = await ListDeadLettersAsync(DeadLetterScanLimit, cancellationToken).ConfigureAwait(false);
        var inFlight = _locks.Count;
        return new QueueStatus(inFlight, inFlight, null, deadLetters.Count);
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        AmqpConnectionLostException or IOException or SocketException or TimeoutException or ObjectDisposedException => true,
        AmqpException amqp => !IsPermanent(amqp.Error?.Condition?.ToString()),
        _ => false,
    };

    private static bool IsPermanent(string? condition) =>
        condition is ErrorCode.NotFound or ErrorCode.UnauthorizedAccess or ErrorCode.NotAllowed or ErrorCode.InvalidField
            or ErrorCode.DecodeError or ErrorCode.NotImplemented or ErrorCode.MessageSizeExceeded or ErrorCode.PreconditionFailed;

    private static string Truncate(string text) => text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];

    private static async Task CheckAttachAsync(AmqpConnectionScope scope, string address, string what, CancellationToken cancellationToken)
    {
        ReceiverLink link;
        try
        {
            link = await scope.AttachScanReceiverAsync(address, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (AmqpTransportException e)
        {
            const string Setting = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.QueueName);
            throw new AmqpTransportException(
                $"{Setting}: {what} does not exist on the broker or cannot be read (address '{address}'): {e.Message} "
                + "Create it (RabbitMQ: infra/local/rabbitmq/definitions.json) or fix the setting.",
                e);
        }

        await CloseQuietlyAsync(link).ConfigureAwait(false);
    }

    private static async Task CloseQuietlyAsync(Link link)
    {
        try
        {
            await link.CloseAsync(TimeSpan.FromSeconds(5), null).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmqpException or ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
            // The link or its connection is gone already; the broker returns what it held.
        }
    }

    private static Message CopyOf(Message original, (string Reason, string Description, DateTimeOffset At, int DeliveryCount)? deadLetter)
    {
        var properties = original.Properties;
        var copy = new Message
        {
            Header = new Header { Durable = true },
            Properties = new Properties
            {
                MessageId = properties?.MessageId,
                Subject = properties?.Subject,
                ContentType = properties?.ContentType,
                GroupId = properties?.GroupId,
                CreationTime = properties?.CreationTime ?? default,
            },
            MessageAnnotations = new MessageAnnotations(),
            BodySection = original.BodySection,
        };
        if (original.MessageAnnotations?.Map[AmqpMessageMapper.PartitionKeyAnnotation] is string partitionKey)
        {
            copy.MessageAnnotations[AmqpMessageMapper.PartitionKeyAnnotation] = partitionKey;
        }

        if (deadLetter is { } info)
        {
            copy.ApplicationProperties = new ApplicationProperties();
            copy.ApplicationProperties[ReasonProperty] = info.Reason;
            copy.ApplicationProperties[DescriptionProperty] = Truncate(info.Description);
            copy.ApplicationProperties[DeadLetteredAtProperty] = info.At.UtcDateTime;
            copy.ApplicationProperties[DeliveryCountProperty] = info.DeliveryCount;
        }

        return copy;
    }

    private static async Task AwaitOutcomesAsync(Task[] sends, Func<int, string?> idOf, AmqpConnectionScope scope, SenderLink sender, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(sends).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmqpException) when (!scope.IsClosed && !sender.IsClosed)
        {
            for (var i = 0; i < sends.Length; i++)
            {
                if (sends[i].Exception?.InnerException is AmqpException { Error: var error } && !string.Equals(error?.Condition?.ToString(), ErrorCode.MessageReleased, StringComparison.Ordinal))
                {
                    throw new AmqpTransportException($"The broker rejected message {idOf(i)}: {error}", sends[i].Exception!.InnerException!);
                }
            }

            throw;
        }
    }

    private Task StartupCheckAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var check = Volatile.Read(ref _startupCheck);
        if (check is null || check.IsFaulted || check.IsCanceled)
        {
            // Checked again after a failure: a queue created since, or a broker back up, lets the next call through.
            var fresh = EnsureQueuesExistAsync(CancellationToken.None);
            check = Interlocked.CompareExchange(ref _startupCheck, fresh, check) == check ? fresh : Volatile.Read(ref _startupCheck)!;
        }

        return check.IsCompletedSuccessfully ? Task.CompletedTask : check.WaitAsync(cancellationToken);
    }

    private async Task<T> ExecuteAsync<T>(Func<AmqpConnectionScope, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                var scope = await GetScopeAsync(token).ConfigureAwait(false);
                try
                {
                    return await operation(scope, token).ConfigureAwait(false);
                }
                catch (Exception e) when (scope.IsClosed && e is not (AmqpTransportException or OperationCanceledException or AmqpConnectionLostException))
                {
                    throw new AmqpConnectionLostException($"The AMQP connection dropped during the operation: {e.Message}", e);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="operation"/> on a connection opened for it and closed after it, with the same retries.</summary>
    private async Task<T> ExecuteOnOwnConnectionAsync<T>(Func<AmqpConnectionScope, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                var scope = await AmqpConnectionScope.OpenAsync(_connectionString, _options, 0, _timeProvider, _logger, token).ConfigureAwait(false);
                await using (scope.ConfigureAwait(false))
                {
                    try
                    {
                        return await operation(scope, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (scope.IsClosed && e is not (AmqpTransportException or OperationCanceledException or AmqpConnectionLostException))
                    {
                        throw new AmqpConnectionLostException($"The AMQP connection dropped during the operation: {e.Message}", e);
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AmqpConnectionScope> GetScopeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var scope = Volatile.Read(ref _scope);
        if (scope is { IsClosed: false })
        {
            return scope;
        }

        await _scopeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            scope = _scope;
            if (scope is { IsClosed: false })
            {
                return scope;
            }

            if (scope is not null)
            {
                _scope = null;
                await scope.DisposeAsync().ConfigureAwait(false);
            }

            var generation = Interlocked.Increment(ref _generation);
            scope = await AmqpConnectionScope.OpenAsync(_connectionString, _options, generation, _timeProvider, _logger, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _scope, scope);
            return scope;
        }
        finally
        {
            _scopeLock.Release();
        }
    }

    private async Task DropScopeAsync()
    {
        var scope = Interlocked.Exchange(ref _scope, null);
        if (scope is not null)
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ReceivedUpdate?> AcceptDeliveryAsync(Message message, AmqpConnectionScope scope, ReceiverLink link, TimeSpan lockDuration)
    {
        UpdateMessage update;
        string messageId = message.Properties?.MessageId ?? "(no message-id)";
        try
        {
            var envelope = AmqpMessageMapper.FromMessage(message);
            messageId = envelope.Envelope.MessageId;
            update = UpdateMessageSerializer.Deserialize(envelope.Envelope.Body.Span);
        }
        catch (FormatException e)
        {
            Log.InvalidMessage(_logger, messageId, e.Message);
            try
            {
                await DeadLetterDeliveryAsync(message, link, scope, InvalidMessageReason, e.Message, 1).ConfigureAwait(false);
            }
            catch (UpdateLockLostException)
            {
                // The broker delivers it again and the next receive retries the move.
            }

            return null;
        }

        var deliveryCount = DeliveryCountOf(message, update.MessageId);
        var lockedUntil = _timeProvider.GetUtcNow() + lockDuration;
        var token = Guid.NewGuid().ToString("N");
        _locks[token] = new AmqpLockedDelivery(message, link, scope, update, lockedUntil);
        return new ReceivedUpdate(update, deliveryCount, token, lockedUntil);
    }

    /// <summary>
    /// 1 on the first delivery. Service Bus counts failed deliveries in the header (and RabbitMQ 4 in
    /// <c>x-delivery-count</c>); RabbitMQ 3.x only says whether this is the first acquirer, so a redelivery counts at least
    /// 2 and this process adds the deliveries of that message it saw itself.
    /// </summary>
    private int DeliveryCountOf(Message message, string messageId)
    {
        // A first acquisition (a fresh send or a replayed copy) starts the process's own count again.
        var first = message.Header is not { FirstAcquirer: false };
        var seen = first ? _deliveriesSeen[messageId] = 1 : _deliveriesSeen.AddOrUpdate(messageId, 2, static (_, count) => count + 1);
        if (_deliveriesSeen.Count > 100_000)
        {
            _deliveriesSeen.Clear();
        }

        var count = (int)Math.Min(int.MaxValue - 1, message.Header?.DeliveryCount ?? 0u) + 1;
        if (message.MessageAnnotations?.Map[DeliveryCountAnnotation] is { } annotated)
        {
            count = Math.Max(count, Convert.ToInt32(annotated, CultureInfo.InvariantCulture) + 1);
        }

        if (_options.Dialect == AmqpDialect.RabbitMq && !first)
        {
            count = Math.Max(count, seen);
        }

        return count;
    }

    private AmqpLockedDelivery TakeLock(ReceivedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!_locks.TryRemove(update.LockToken, out var locked))
        {
            throw new UpdateLockLostException(
                $"The lock of update {update.Message.MessageId} is no longer held (it expired or was settled); the broker delivers it again.");
        }

        if (locked.Link.IsClosed || locked.Scope.IsClosed || !ReferenceEquals(locked.Scope, Volatile.Read(ref _scope)))
        {
            throw new UpdateLockLostException(
                $"The connection that delivered update {update.Message.MessageId} dropped; the broker delivers it again.");
        }

        if (_timeProvider.GetUtcNow() >= locked.LockedUntil)
        {
            TryRelease(locked);
            throw new UpdateLockLostException($"The lock of update {update.Message.MessageId} expired at {locked.LockedUntil:O}.");
        }

        return locked;
    }

    private static void Settle(AmqpLockedDelivery locked, Action<ReceiverLink, Message> settle)
    {
        try
        {
            settle(locked.Link, locked.Message);
        }
        catch (Exception e) when (e is AmqpException or ObjectDisposedException or InvalidOperationException)
        {
            throw new UpdateLockLostException(
                $"Settling update {locked.Update.MessageId} failed because its link closed; the broker delivers it again.", e);
        }
    }

    private static void TryRelease(AmqpLockedDelivery locked)
    {
        try
        {
            if (!locked.Link.IsClosed)
            {
                locked.Link.Release(locked.Message);
            }
        }
        catch (Exception e) when (e is AmqpException or ObjectDisposedException or InvalidOperationException)
        {
            // The link is gone: the broker takes the delivery back by itself.
        }
    }

    private async Task DeadLetterDeliveryAsync(Message message, ReceiverLink link, AmqpConnectionScope scope, string reason, string description, int deliveryCount)
    {
        if (_options.Dialect == AmqpDialect.ServiceBus)
        {
            try
            {
                link.Reject(message, AmqpOutcomes.DeadLetter(reason, Truncate(description)).Error);
            }
            catch (Exception e) when (e is AmqpException or ObjectDisposedException or InvalidOperationException)
            {
                throw new UpdateLockLostException("Dead-lettering failed because the link closed; the broker delivers the message again.", e);
            }

            return;
        }

        // RabbitMQ drops a rejection's error info: forward a copy that carries it, then accept the original.
        var copy = CopyOf(message, (reason, description, _timeProvider.GetUtcNow(), deliveryCount));
        try
        {
            scope.ThrowIfClosed();
            var sender = await scope.GetSenderAsync(_deadLetterAddress, CancellationToken.None).ConfigureAwait(false);
            await sender.SendAsync(copy, _options.OperationTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmqpException or AmqpConnectionLostException or ObjectDisposedException or TimeoutException or InvalidOperationException or IOException)
        {
            var stillHeld = !link.IsClosed && !scope.IsClosed;
            if (stillHeld)
            {
                link.Release(message);
            }

            throw new UpdateLockLostException(
                $"Forwarding message {message.Properties?.MessageId} to the dead-letter queue failed ({e.Message}); the broker delivers it again.", e);
        }

        try
        {
            link.Accept(message);
        }
        catch (Exception e) when (e is AmqpException or ObjectDisposedException or InvalidOperationException)
        {
            throw new UpdateLockLostException(
                $"Message {message.Properties?.MessageId} was copied to the dead-letter queue but the link closed before the original was removed; "
                + "it is delivered again (the dead-letter queue may show it twice).",
                e);
        }
    }

    /// <summary>
    /// Receives up to <paramref name="credit"/> dead letters on a link of a connection of its own (credit not restored,
    /// so a released message does not come back during the scan), lets <paramref name="handle"/> pick the ones to
    /// accept, releases the rest, and closes that connection: the broker then has every unaccepted dead letter back
    /// before the next scan starts (on a shared connection a released message could sit with the closing link).
    /// </summary>
    private Task<T> ScanDeadLettersAsync<T>(
        int credit,
        Func<IReadOnlyList<Message>, AmqpConnectionScope, CancellationToken, Task<(T Result, IReadOnlyCollection<Message> Accept)>> handle,
        CancellationToken cancellationToken)
    {
        return ExecuteOnOwnConnectionAsync(
            async (scope, token) =>
            {
                var link = await scope.AttachScanReceiverAsync(_deadLetterAddress, credit, token).ConfigureAwait(false);
                try
                {
                    var messages = new List<Message>();
                    var message = await link.ReceiveAsync(_options.ReceiveWait > TimeSpan.Zero ? _options.ReceiveWait : NextMessageWait).ConfigureAwait(false);
                    while (message is not null)
                    {
                        messages.Add(message);
                        if (messages.Count >= credit)
                        {
                            break;
                        }

                        message = await link.ReceiveAsync(ScanGap).ConfigureAwait(false);
                    }

                    scope.ThrowIfClosed();

                    // Take the link's remaining credit back before settling: a released dead letter would otherwise be
                    // handed straight back to this (closing) link and be missing from the next scan for a moment.
                    link.SetCredit(0, autoRestore: false);
                    var (result, accept) = await handle(messages, scope, token).ConfigureAwait(false);
                    var accepted = new HashSet<Message>(accept, ReferenceEqualityComparer.Instance);
                    foreach (var m in messages)
                    {
                        if (accepted.Contains(m))
                        {
                            link.Accept(m);
                        }
                        else
                        {
                            link.Release(m);
                        }
                    }

                    return result;
                }
                finally
                {
                    await CloseQuietlyAsync(link).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    /// <summary>Sends fresh copies (no dead-letter information) of <paramref name="messages"/> to the queue and awaits every outcome.</summary>
    private async Task SendCopiesAsync(AmqpConnectionScope scope, List<Message> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var sender = await scope.GetSenderAsync(_queueAddress, cancellationToken).ConfigureAwait(false);
        var sends = messages.Select(m => sender.SendAsync(CopyOf(m, null), _options.OperationTimeout)).ToArray();
        await AwaitOutcomesAsync(sends, i => messages[i].Properties?.MessageId, scope, sender, cancellationToken).ConfigureAwait(false);
    }

    private bool TryReadDeadLetter(Message message, [NotNullWhen(true)] out DeadLetter? deadLetter)
    {
        deadLetter = null;
        UpdateMessage update;
        try
        {
            update = UpdateMessageSerializer.Deserialize(AmqpMessageMapper.FromMessage(message).Envelope.Body.Span);
        }
        catch (FormatException e)
        {
            Log.UnreadableDeadLetter(_logger, message.Properties?.MessageId ?? "(no message-id)", e.Message);
            return false;
        }

        var application = message.ApplicationProperties?.Map;
        var reason = application?[ReasonProperty] as string;
        var description = application?[DescriptionProperty] as string;
        if (string.IsNullOrEmpty(reason))
        {
            // The broker moved it itself (RabbitMQ's x-delivery-limit; it does not pass x-death through AMQP 1.0).
            reason = DeadLetterReasons.MaxDeliveryCountExceeded;
            description ??= "The broker dead-lettered the message after its delivery limit.";
        }

        var enqueuedAt = message.Properties is { CreationTime: var created } && created > DateTime.UnixEpoch
            ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc))
            : message.MessageAnnotations?.Map[EnqueuedTimeAnnotation] is DateTime enqueued
                ? new DateTimeOffset(DateTime.SpecifyKind(enqueued, DateTimeKind.Utc))
                : _timeProvider.GetUtcNow();
        var deadLetteredAt = application?[DeadLetteredAtProperty] is DateTime at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : enqueuedAt;
        var deliveryCount = application?[DeliveryCountProperty] is { } count
            ? Convert.ToInt32(count, CultureInfo.InvariantCulture)
            : (int)Math.Min(int.MaxValue, message.Header?.DeliveryCount ?? 0u);

        deadLetter = new DeadLetter(
            update.MessageId, update.PersonKey, update.Target, update.Version, reason, description ?? string.Empty, deliveryCount, enqueuedAt, deadLetteredAt);
        return true;
    }

    private void EnsureSweeping()
    {
        if (_sweepTimer is null)
        {
            var timer = _timeProvider.CreateTimer(_ => SweepExpiredLocks(), null, SweepPeriod, SweepPeriod);
            if (Interlocked.CompareExchange(ref _sweepTimer, timer, null) is not null)
            {
                timer.Dispose();
            }
        }
    }

    /// <summary>Releases deliveries whose client-side lock expired, so the broker hands them out again.</summary>
    private void SweepExpiredLocks()
    {
        var now = _timeProvider.GetUtcNow();
        var released = 0;
        foreach (var (token, locked) in _locks)
        {
            if (locked.LockedUntil <= now && _locks.TryRemove(token, out _))
            {
                TryRelease(locked);
                released++;
            }
        }

        if (released > 0)
        {
            Log.LocksExpired(_logger, released);
        }
    }
}
