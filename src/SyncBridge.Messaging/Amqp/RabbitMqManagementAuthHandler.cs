using System.Net.Http.Headers;
using System.Text;

namespace SyncBridge.Messaging.Amqp;

/// <summary>Adds HTTP basic auth with the broker user and password of the connection string to management API calls.</summary>
internal sealed class RabbitMqManagementAuthHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header;

    public RabbitMqManagementAuthHandler(ServiceBusTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = ServiceBusConnectionString.Parse(options.ConnectionString);
        _header = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(connectionString.SharedAccessKeyName + ":" + connectionString.SharedAccessKey)));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }
}
