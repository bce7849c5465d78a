using System.Collections.Concurrent;
using System.Globalization;
using Amqp;
using Amqp.Framing;
using Amqp.Sasl;
using Microsoft.Extensions.Logging;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// One AMQP connection with one session and its links: a cached sender per address, the cached prefetching receiver
/// of the queue, and short-lived receivers for dead-letter scans. With <see cref="AmqpAuthMode.CbsSasToken"/> it puts a
/// SAS token on <c>$cbs</c> before any entity link and renews it before it expires. When the connection drops the whole
/// scope is dropped: the transport opens a new one (a new <see cref="Generation"/>).
/// </summary>
internal sealed class AmqpConnectionScope : IAsyncDisposable
{
    private readonly Connection _connection;
    private readonly Session _session;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<string, Lazy<Task<SenderLink>>> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<AmqpPrefetchReceiver>>> _receivers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _cbsLock = new(1, 1);
    private readonly ServiceBusConnectionString _connectionString;
    private readonly ServiceBusTransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private SenderLink? _cbsSender;
    private ReceiverLink? _cbsReceiver;
    private string? _cbsReplyTo;
    private ITimer? _renewTimer;
    private volatile bool _disposing;

    private AmqpConnectionScope(
        Connection connection, int generation, ServiceBusConnectionString connectionString, ServiceBusTransportOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _connection = connection;
        _session = new Session(connection);
        Generation = generation;
        _connectionString = connectionString;
        _options = options;
        _timeout = options.OperationTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public int Generation { get; }

    /// <summary>True once the connection or the session is gone; every lock taken on this scope is lost.</summary>
    public bool IsClosed => _connection.IsClosed || _session.IsClosed;

    public static async Task<AmqpConnectionScope> OpenAsync(
        ServiceBusConnectionString connectionString,
        ServiceBusTransportOptions options,
        int generation,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory();
        var scheme = connectionString.UseTls ? "amqps" : "amqp";
        Address address;
        if (options.Auth == AmqpAuthMode.CbsSasToken)
        {
            factory.SASL.Profile = SaslProfile.Anonymous;
            address = new Address(connectionString.Host, connectionString.Port, null, null, "/", scheme);
        }
        else
        {
            // This constructor takes the user and password as they are (no URL encoding): keys with + / = stay intact.
            address = new Address(connectionString.Host, connectionString.Port, connectionString.SharedAccessKeyName, connectionString.SharedAccessKey, "/", scheme);
        }

        Open? open = null;
        if (options.VirtualHost is { } virtualHost)
        {
            open = new Open
            {
                ContainerId = "syncbridge-" + Guid.NewGuid().ToString("N"),
                HostName = "vhost:" + virtualHost,
                MaxFrameSize = 256 * 1024,
                ChannelMax = 256,
            };
        }

        var connection = await factory.CreateAsync(address, open, null).WaitAsync(options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        var scope = new AmqpConnectionScope(connection, generation, connectionString, options, timeProvider, logger);
        try
        {
            if (options.Auth == AmqpAuthMode.CbsSasToken)
            {
                await scope.PutTokenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Log.Connected(logger, generation, connectionString.Host, connectionString.Port, options.Dialect);
        return scope;
    }

    /// <summary>The cached sender for <paramref name="address"/>, attached (re-attached when it was closed).</summary>
    public Task<SenderLink> GetSenderAsync(string address, CancellationToken cancellationToken)
    {
        var lazy = _senders.GetOrAdd(address, a => new Lazy<Task<SenderLink>>(() => AttachSenderAsync(a, cancellationToken)));
        if (lazy.Value.IsCompletedSuccessfully && lazy.Value.Result.IsClosed || lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _senders.TryRemove(new KeyValuePair<string, Lazy<Task<SenderLink>>>(address, lazy));
            ThrowIfClosed();
            lazy = _senders.GetOrAdd(address, a => new Lazy<Task<SenderLink>>(() => AttachSenderAsync(a, cancellationToken)));
        }

        return lazy.Value;
    }

    /// <summary>The cached prefetching receiver of <paramref name="address"/> with <paramref name="credit"/> link credit.</summary>
    public Task<AmqpPrefetchReceiver> GetReceiverAsync(string address, int credit, CancellationToken cancellationToken)
    {
        var lazy = _receivers.GetOrAdd(address, a => new Lazy<Task<AmqpPrefetchReceiver>>(() => AttachPrefetchReceiverAsync(a, credit, cancellationToken)));
        if (lazy.Value.IsCompletedSuccessfully && lazy.Value.Result.Link.IsClosed || lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _receivers.TryRemove(new KeyValuePair<string, Lazy<Task<AmqpPrefetchReceiver>>>(address, lazy));
            ThrowIfClosed();
            lazy = _receivers.GetOrAdd(address, a => new Lazy<Task<AmqpPrefetchReceiver>>(() => AttachPrefetchReceiverAsync(a, credit, cancellationToken)));
        }

        return lazy.Value;
    }

    /// <summary>
    /// A new receiver of <paramref name="address"/> granted <paramref name="credit"/> once (not restored), for scans that
    /// must not see a released message again; 0 attaches without taking any message (the start-up check). Close it after use.
    /// </summary>
    public async Task<ReceiverLink> AttachScanReceiverAsync(string address, int credit, CancellationToken cancellationToken)
    {
        var link = await AttachReceiverAsync(address, cancellationToken).ConfigureAwait(false);
        if (credit > 0)
        {
            link.SetCredit(credit, CreditMode.Manual);
        }

        return link;
    }

    /// <summary>Throws <see cref="AmqpConnectionLostException"/> when the connection is gone.</summary>
    public void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new AmqpConnectionLostException($"AMQP connection {Generation.ToString(CultureInfo.InvariantCulture)} is closed: {_connection.Error ?? _session.Error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        if (_renewTimer is not null)
        {
            await _renewTimer.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            if (!_connection.IsClosed)
            {
                await _connection.CloseAsync(TimeSpan.FromSeconds(2), null).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is AmqpException or ObjectDisposedException or IOException or TimeoutException or InvalidOperationException)
        {
            // Closing a dropped connection fails; there is nothing left to release.
        }

        _cbsLock.Dispose();
    }

    private async Task<SenderLink> AttachSenderAsync(string address, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        var attached = new TaskCompletionSource<Attach>(TaskCreationOptions.RunContinuationsAsynchronously);
        var link = new SenderLink(
            _session,
            "syncbridge-sender-" + Guid.NewGuid().ToString("N"),
            new Target { Address = address },
            (_, attach) => attached.TrySetResult(attach));
        link.AddClosedCallback((_, error) => attached.TrySetException(LinkError(address, error)));
        var remote = await attached.Task.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
        if (remote.Target is null)
        {
            throw await RefusedAsync(link, address).ConfigureAwait(false);
        }

        return link;
    }

    private async Task<AmqpPrefetchReceiver> AttachPrefetchReceiverAsync(string address, int credit, CancellationToken cancellationToken)
    {
        var link = await AttachReceiverAsync(address, cancellationToken).ConfigureAwait(false);
        link.AddClosedCallback((_, error) =>
        {
            if (!_disposing)
            {
                Log.LinkClosed(_logger, address, Generation, error?.ToString() ?? "no error given");
            }
        });
        return new AmqpPrefetchReceiver(link, credit);
    }

    private async Task<ReceiverLink> AttachReceiverAsync(string address, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        var attached = new TaskCompletionSource<Attach>(TaskCreationOptions.RunContinuationsAsynchronously);
        var link = new ReceiverLink(
            _session,
            "syncbridge-receiver-" + Guid.NewGuid().ToString("N"),
            new Source { Address = address },
            (_, attach) => attached.TrySetResult(attach));
        link.AddClosedCallback((_, error) => attached.TrySetException(LinkError(address, error)));
        var remote = await attached.Task.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
        if (remote.Source is null)
        {
            throw await RefusedAsync(link, address).ConfigureAwait(false);
        }

        return link;
    }

    /// <summary>The peer answered the attach without a terminus: it refuses the link and detaches with the reason.</summary>
    private async Task<Exception> RefusedAsync(Link link, string address)
    {
        var closed = new TaskCompletionSource<Error?>(TaskCreationOptions.RunContinuationsAsynchronously);
        link.AddClosedCallback((_, error) => closed.TrySetResult(error));
        try
        {
            var error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return LinkError(address, error ?? new Error(ErrorCode.NotFound));
        }
        catch (TimeoutException)
        {
            return LinkError(address, new Error(ErrorCode.NotFound) { Description = "the broker attached the link without a terminus" });
        }
    }

    private Exception LinkError(string address, Error? error)
    {
        var condition = error?.Condition?.ToString();
        if (string.Equals(condition, ErrorCode.NotFound, StringComparison.Ordinal))
        {
            return new AmqpTransportException($"The broker has no node at address '{address}': {error?.Description}");
        }

        if (string.Equals(condition, ErrorCode.UnauthorizedAccess, StringComparison.Ordinal))
        {
            return new AmqpTransportException($"The broker refused access to '{address}': {error?.Description}");
        }

        return new AmqpConnectionLostException(
            $"The link to '{address}' on AMQP connection {Generation.ToString(CultureInfo.InvariantCulture)} closed: {error?.ToString() ?? "no error given"}");
    }

    private async Task PutTokenAsync(CancellationToken cancellationToken)
    {
        var entity = _connectionString.EntityPath ?? _options.QueueName;
        var audience = _connectionString.ResourceUri(entity);
        await _cbsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cbsSender is null || _cbsSender.IsClosed || _cbsReceiver is null || _cbsReceiver.IsClosed)
            {
                _cbsReplyTo = "cbs-reply-" + Guid.NewGuid().ToString("N");
                _cbsSender = new SenderLink(_session, "syncbridge-cbs-sender", AmqpAddressMapper.CbsAddress);
                _cbsReceiver = new ReceiverLink(
                    _session,
                    "syncbridge-cbs-receiver",
                    new Attach { Source = new Source { Address = AmqpAddressMapper.CbsAddress }, Target = new Target { Address = _cbsReplyTo } },
                    null);
                _cbsReceiver.SetCredit(10, autoRestore: true);
            }

            var token = SharedAccessSignature.Create(
                audience, _connectionString.SharedAccessKeyName, _connectionString.SharedAccessKey, _options.TokenTtl, _timeProvider);
            var requestId = Guid.NewGuid().ToString("N");
            await _cbsSender.SendAsync(CbsPutToken.CreateRequest(token, requestId, _cbsReplyTo!), _timeout).ConfigureAwait(false);
            var reply = await _cbsReceiver.ReceiveAsync(_timeout).ConfigureAwait(false)
                ?? throw new AmqpConnectionLostException($"The broker did not answer the CBS put-token for {audience} within {_timeout}.");
            _cbsReceiver.Accept(reply);
            var result = CbsPutToken.ReadResponse(reply, requestId);
            if (!result.Succeeded)
            {
                throw new AmqpTransportException(
                    $"{ServiceBusTransportOptions.SectionName}:{nameof(ServiceBusTransportOptions.ConnectionString)}: the broker refused the SAS token "
                    + $"for {audience} (status {result.StatusCode.ToString(CultureInfo.InvariantCulture)}: {result.Description}).");
            }

            Log.TokenPut(_logger, audience, token.ExpiresAt);
            var due = token.ExpiresAt - _options.TokenRenewMargin - _timeProvider.GetUtcNow();
            _renewTimer ??= _timeProvider.CreateTimer(_ => _ = RenewAsync(audience), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _renewTimer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            _cbsLock.Release();
        }
    }

    private async Task RenewAsync(string audience)
    {
        try
        {
            if (!IsClosed)
            {
                await PutTokenAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is AmqpException or AmqpTransportException or AmqpConnectionLostException or TimeoutException or ObjectDisposedException)
        {
            // Without a valid token the broker closes the links soon; closing now makes the next operation reconnect and put a fresh one.
            Log.TokenRenewalFailed(_logger, e, audience);
            _connection.Close(TimeSpan.Zero, null);
        }
    }
}
