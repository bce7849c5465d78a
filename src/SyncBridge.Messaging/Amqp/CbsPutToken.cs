using System.Globalization;
using Amqp;
using Amqp.Framing;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// The messages of Service Bus claims-based security (CBS): a put-token request sent on a link to <c>$cbs</c>, carrying
/// a SAS token for an audience, and the broker's reply on the client's reply link (<c>status-code</c> 200 or 202 is success).
/// Only the message shapes live here; the links and the renewal timer come with the transport (issue 6).
/// </summary>
internal static class CbsPutToken
{
    public const string Operation = "put-token";
    public const string SasTokenType = "servicebus.windows.net:sastoken";
    public const string OperationKey = "operation";
    public const string TypeKey = "type";
    public const string NameKey = "name";
    public const string StatusCodeKey = "status-code";
    public const string StatusDescriptionKey = "status-description";

    /// <summary>A put-token request for <paramref name="token"/>'s audience; the reply comes back to <paramref name="replyTo"/>.</summary>
    public static Message CreateRequest(SharedAccessSignature token, string messageId, string replyTo)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(replyTo);

        var request = new Message(token.Token)
        {
            Properties = new Properties { MessageId = messageId, ReplyTo = replyTo },
            ApplicationProperties = new ApplicationProperties(),
        };
        request.ApplicationProperties[OperationKey] = Operation;
        request.ApplicationProperties[TypeKey] = SasTokenType;
        request.ApplicationProperties[NameKey] = token.Resource;
        return request;
    }

    /// <summary>Reads the reply to the request with <paramref name="requestMessageId"/>; a reply without a status code is a failure.</summary>
    public static CbsPutTokenResult ReadResponse(Message response, string requestMessageId)
    {
        ArgumentNullException.ThrowIfNull(response);
        var correlationId = response.Properties?.CorrelationId;
        if (!string.Equals(correlationId, requestMessageId, StringComparison.Ordinal))
        {
            return new CbsPutTokenResult(0, $"The reply correlates to '{correlationId}', not to request '{requestMessageId}'.");
        }

        var properties = response.ApplicationProperties;
        var status = properties?.Map[StatusCodeKey];
        var description = properties?.Map[StatusDescriptionKey] as string;
        var statusCode = status switch
        {
            int i => i,
            long l => (int)l,
            uint u => (int)u,
            short s => s,
            string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0,
        };
        return new CbsPutTokenResult(statusCode, statusCode == 0 ? description ?? "The reply has no status-code." : description);
    }
}
