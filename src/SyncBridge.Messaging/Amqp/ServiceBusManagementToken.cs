namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// Issues and caches the SAS token the Service Bus depth read sends: audience <c>https://{namespace host}/{queue}</c>, signed
/// with the connection string's key, valid for <see cref="ServiceBusTransportOptions.TokenTtl"/> and renewed once within
/// <see cref="ServiceBusTransportOptions.TokenRenewMargin"/> of its expiry (per the injected <see cref="TimeProvider"/>).
/// One per host (a singleton), shared by the short-lived handlers of the HTTP client factory. Thread-safe.
/// </summary>
internal sealed class ServiceBusManagementToken
{
    private readonly Lock _gate = new();
    private readonly ServiceBusConnectionString _connectionString;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _renewMargin;
    private readonly TimeProvider _timeProvider;
    private SharedAccessSignature? _current;

    public ServiceBusManagementToken(ServiceBusTransportOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _connectionString = ServiceBusConnectionString.Parse(options.ConnectionString);
        _ttl = options.TokenTtl;
        _renewMargin = options.TokenRenewMargin;
        Audience = _connectionString.HttpsResourceUri(options.QueueName);
    }

    /// <summary>The resource the token is issued for (not encoded).</summary>
    public string Audience { get; }

    /// <summary>A token valid for at least the renew margin: the cached one, or a new one when it is near expiry.</summary>
    public SharedAccessSignature Current()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            if (_current is null || _current.ShouldRenew(now, _renewMargin))
            {
                _current = SharedAccessSignature.Create(Audience, _connectionString.SharedAccessKeyName, _connectionString.SharedAccessKey, _ttl, _timeProvider);
            }

            return _current;
        }
    }
}
