using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// A parsed Service Bus style connection string:
/// <c>Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=…;SharedAccessKey=…;EntityPath=…</c>.
/// The endpoint may also be <c>amqps://host[:port]</c> or <c>amqp://host[:port]</c> for a local AMQP 1.0 broker, where the
/// key name and key are the SASL PLAIN user name and password. Keys are matched case-insensitively, pairs may come in any
/// order, and each pair is split on its first <c>=</c> only, so a key ending in <c>=</c> or holding <c>+</c> and <c>/</c>
/// stays intact. <see cref="ToString"/> never prints the key.
/// </summary>
internal sealed class ServiceBusConnectionString
{
    public const int AmqpsPort = 5671;
    public const int AmqpPort = 5672;

    private const string EndpointKey = "Endpoint";
    private const string KeyNameKey = "SharedAccessKeyName";
    private const string KeyKey = "SharedAccessKey";
    private const string EntityPathKey = "EntityPath";
    private const string TransportTypeKey = "TransportType";
    private const string Redacted = "***";

    private ServiceBusConnectionString(Uri endpoint, string host, int port, bool useTls, string keyName, string key, string? entityPath)
    {
        Endpoint = endpoint;
        Host = host;
        Port = port;
        UseTls = useTls;
        SharedAccessKeyName = keyName;
        SharedAccessKey = key;
        EntityPath = entityPath;
    }

    /// <summary>The endpoint as written (scheme <c>sb</c>, <c>amqps</c> or <c>amqp</c>).</summary>
    public Uri Endpoint { get; }

    public string Host { get; }

    /// <summary>The TCP port: the endpoint's explicit port, else 5671 for <c>sb</c>/<c>amqps</c> and 5672 for <c>amqp</c>.</summary>
    public int Port { get; }

    /// <summary>True for <c>sb</c> and <c>amqps</c>; false for <c>amqp</c>.</summary>
    public bool UseTls { get; }

    /// <summary>The SAS rule name (Service Bus) or SASL user name (local broker).</summary>
    public string SharedAccessKeyName { get; }

    /// <summary>The SAS key or SASL password. A secret: never log it.</summary>
    public string SharedAccessKey { get; }

    /// <summary>The queue named by the connection string, or null.</summary>
    public string? EntityPath { get; }

    /// <summary>The resource a SAS token for <paramref name="entityPath"/> is issued for: <c>sb://host/entity</c>.</summary>
    public string ResourceUri(string entityPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityPath);
        return string.Create(CultureInfo.InvariantCulture, $"sb://{Host}/{entityPath.Trim('/')}");
    }

    /// <summary>
    /// The namespace's HTTPS management address, <c>https://{host}/</c>, for an <c>sb://</c> endpoint; null for
    /// <c>amqp(s)://</c> endpoints (a local broker has no Service Bus management endpoint).
    /// </summary>
    public Uri? ManagementAddress => Endpoint.Scheme.Equals("sb", StringComparison.OrdinalIgnoreCase)
        ? new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{Host}/"))
        : null;

    /// <summary>The audience of a SAS token for HTTPS reads of <paramref name="entityPath"/>: <c>https://host/entity</c>.</summary>
    public string HttpsResourceUri(string entityPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityPath);
        return string.Create(CultureInfo.InvariantCulture, $"https://{Host}/{entityPath.Trim('/')}");
    }

    /// <summary>Parses <paramref name="value"/>; throws <see cref="FormatException"/> naming the missing or bad part.</summary>
    public static ServiceBusConnectionString Parse(string? value)
    {
        return TryParse(value, out var result, out var error) ? result : throw new FormatException(error);
    }

    /// <summary>Parses <paramref name="value"/>; on failure <paramref name="error"/> names the missing or bad part (never the key).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ServiceBusConnectionString? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "The connection string is empty.";
            return false;
        }

        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = value.Split(';');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim();
            if (segment.Length == 0)
            {
                continue;
            }

            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The segment itself is not printed: it may be a mangled key.
                error = string.Create(CultureInfo.InvariantCulture, $"The connection string's part {i + 1} is not a 'Name=value' pair.");
                return false;
            }

            var name = segment[..equals].Trim();
            var partValue = segment[(equals + 1)..].Trim();
            if (!IsKnownKey(name))
            {
                error = $"The connection string has an unknown part '{name}'; expected {EndpointKey}, {KeyNameKey}, {KeyKey} and optionally {EntityPathKey}.";
                return false;
            }

            if (!pairs.TryAdd(name, partValue))
            {
                error = $"The connection string names '{name}' more than once.";
                return false;
            }
        }

        var missing = new[] { EndpointKey, KeyNameKey, KeyKey }
            .Where(k => !pairs.TryGetValue(k, out var v) || v.Length == 0)
            .ToList();
        if (missing.Count > 0)
        {
            error = $"The connection string is missing {string.Join(", ", missing)}.";
            return false;
        }

        if (!TryParseEndpoint(pairs[EndpointKey], out var endpoint, out var port, out var useTls, out error))
        {
            return false;
        }

        pairs.TryGetValue(EntityPathKey, out var entityPath);
        entityPath = string.IsNullOrEmpty(entityPath) ? null : entityPath.Trim('/');
        if (entityPath is { Length: 0 })
        {
            entityPath = null;
        }

        result = new ServiceBusConnectionString(endpoint, endpoint.Host, port, useTls, pairs[KeyNameKey], pairs[KeyKey], entityPath);
        error = null;
        return true;
    }

    /// <summary>The connection string with the key replaced by <c>***</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder()
            .Append(EndpointKey).Append('=').Append(Endpoint.OriginalString).Append(';')
            .Append(KeyNameKey).Append('=').Append(SharedAccessKeyName).Append(';')
            .Append(KeyKey).Append('=').Append(Redacted);
        if (EntityPath is not null)
        {
            builder.Append(';').Append(EntityPathKey).Append('=').Append(EntityPath);
        }

        return builder.ToString();
    }

    private static bool IsKnownKey(string name) =>
        name.Equals(EndpointKey, StringComparison.OrdinalIgnoreCase)
        || name.Equals(KeyNameKey, StringComparison.OrdinalIgnoreCase)
        || name.Equals(KeyKey, StringComparison.OrdinalIgnoreCase)
        || name.Equals(EntityPathKey, StringComparison.OrdinalIgnoreCase)
        || name.Equals(TransportTypeKey, StringComparison.OrdinalIgnoreCase);

    private static bool TryParseEndpoint(string text, out Uri endpoint, out int port, out bool useTls, [NotNullWhen(false)] out string? error)
    {
        endpoint = null!;
        port = 0;
        useTls = false;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"The connection string's {EndpointKey} '{text}' is not an absolute URI such as sb://namespace.servicebus.windows.net/ or amqps://host:5671.";
            return false;
        }

        switch (uri.Scheme.ToUpperInvariant())
        {
            case "SB":
            case "AMQPS":
                useTls = true;
                port = uri.IsDefaultPort || uri.Port < 0 ? AmqpsPort : uri.Port;
                break;
            case "AMQP":
                useTls = false;
                port = uri.IsDefaultPort || uri.Port < 0 ? AmqpPort : uri.Port;
                break;
            default:
                error = $"The connection string's {EndpointKey} scheme '{uri.Scheme}' is not supported; use sb://, amqps:// or amqp://.";
                return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            error = $"The connection string's {EndpointKey} must not carry credentials; use {KeyNameKey} and {KeyKey}.";
            return false;
        }

        if (uri.AbsolutePath.Length > 1 || !string.IsNullOrEmpty(uri.Query))
        {
            error = $"The connection string's {EndpointKey} must not have a path or query; name the queue with {EntityPathKey} or the QueueName setting.";
            return false;
        }

        endpoint = uri;
        error = null;
        return true;
    }
}
