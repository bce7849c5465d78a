namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// Puts <c>Authorization: SharedAccessSignature sr=…&amp;sig=…&amp;se=…&amp;skn=…</c> on Service Bus management calls, from the
/// shared <see cref="ServiceBusManagementToken"/>. Never logs the header.
/// </summary>
internal sealed class ServiceBusManagementAuthHandler : DelegatingHandler
{
    private readonly ServiceBusManagementToken _token;

    public ServiceBusManagementAuthHandler(ServiceBusManagementToken token)
    {
        _token = token ?? throw new ArgumentNullException(nameof(token));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove("Authorization");

        // The token is the whole header value ("SharedAccessSignature sr=..."), not a token68: add it as is.
        request.Headers.TryAddWithoutValidation("Authorization", _token.Current().Token);
        return base.SendAsync(request, cancellationToken);
    }
}
