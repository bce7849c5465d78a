using System.Text.Json;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// Writes and reads the JSON body of an <see cref="UpdateMessage"/> (content type <see cref="UpdateMessage.ContentType"/>):
/// <code>
/// {"schema":1,"messageId":"…64 hex…","personKey":"p-1","target":{"system":"hubspot","objectType":"contact","id":"123"},
///  "version":7,"properties":{"lifecyclestage":"lead","jobtitle":""}}
/// </code>
/// Reading checks every field and that <c>messageId</c> matches the id recomputed from person, target and version;
/// unknown fields are ignored (a later build may add optional fields within schema 1).
/// </summary>
public static class UpdateMessageSerializer
{
    /// <summary>The UTF-8 JSON body of <paramref name="message"/>.</summary>
    public static byte[] Serialize(UpdateMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var document = new UpdateMessageDocument
        {
            Schema = message.SchemaVersion,
            MessageId = message.MessageId,
            PersonKey = message.PersonKey,
            Target = new UpdateTargetDocument
            {
                System = message.Target.System.ToName(),
                ObjectType = message.Target.ObjectType,
                Id = message.Target.Id,
            },
            Version = message.Version,
            Properties = message.Properties.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, UpdateMessageJsonContext.Default.UpdateMessageDocument);
    }

    /// <summary>
    /// Reads a body written by <see cref="Serialize"/>. Throws <see cref="UpdateMessageFormatException"/> naming the
    /// field when the body is not JSON, a field is missing or invalid, the schema is not supported, or the message id
    /// does not match its content. A null property value is read as empty (clear).
    /// </summary>
    public static UpdateMessage Deserialize(ReadOnlySpan<byte> body)
    {
        UpdateMessageDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(body, UpdateMessageJsonContext.Default.UpdateMessageDocument);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? string.Empty : $" at {e.Path}";
            throw new UpdateMessageFormatException($"Update message body is not valid JSON of the expected shape{where}: {e.Message}", e);
        }

        if (document is null)
        {
            throw new UpdateMessageFormatException("Update message body is JSON null; expected an object.");
        }

        if (document.Schema is not { } schema)
        {
            throw Missing("schema");
        }

        if (schema != UpdateMessage.CurrentSchemaVersion)
        {
            throw new UpdateMessageFormatException(
                $"Update message field 'schema' is {schema}; this build reads schema {UpdateMessage.CurrentSchemaVersion} only.");
        }

        var personKey = Required(document.PersonKey, "personKey");
        var targetDocument = document.Target ?? throw Missing("target");
        var systemName = Required(targetDocument.System, "target.system");
        var system = SourceSystemNames.Parse(systemName);
        if (system == SourceSystem.Unknown)
        {
            throw new UpdateMessageFormatException($"Update message field 'target.system' is '{systemName}', which is not a known system.");
        }

        var objectType = targetDocument.ObjectType ?? throw Missing("target.objectType");
        var recordId = Required(targetDocument.Id, "target.id");
        var version = document.Version ?? throw Missing("version");
        if (version < 1)
        {
            throw new UpdateMessageFormatException($"Update message field 'version' is {version}; it must be 1 or more.");
        }

        var properties = document.Properties ?? throw Missing("properties");
        foreach (var name in properties.Keys)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new UpdateMessageFormatException("Update message field 'properties' has a blank property name.");
            }
        }

        var messageId = Required(document.MessageId, "messageId");
        var message = UpdateMessage.Create(
            personKey,
            new SourceRef(system, objectType, recordId),
            properties.ToDictionary(p => p.Key, p => p.Value ?? string.Empty, StringComparer.Ordinal),
            version);
        if (!string.Equals(message.MessageId, messageId, StringComparison.Ordinal))
        {
            throw new UpdateMessageFormatException(
                $"Update message field 'messageId' is '{messageId}' but person key, target and version give '{message.MessageId}'.");
        }

        return message;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(field) : value;

    private static UpdateMessageFormatException Missing(string field) =>
        new($"Update message field '{field}' is missing or blank.");
}
