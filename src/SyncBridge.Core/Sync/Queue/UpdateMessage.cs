using System.Buffers.Binary;
using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// One lifecycle update for one person in one target system: the properties to set there (an empty value clears
/// the property) at decision <see cref="Version"/>. Travels through <see cref="IUpdateQueue"/> as JSON
/// (<see cref="UpdateMessageSerializer"/>). Create with <see cref="Create"/>, which computes <see cref="MessageId"/>.
/// </summary>
public sealed class UpdateMessage
{
    /// <summary>The message type, sent as the broker's <c>subject</c> so a receiver can tell what it got.</summary>
    public const string Subject = "syncbridge.contact-update.v1";

    /// <summary>The content type of the serialized body.</summary>
    public const string ContentType = "application/json";

    /// <summary>The JSON schema version this build writes (the <c>"schema"</c> field).</summary>
    public const int CurrentSchemaVersion = 1;

    private UpdateMessage(string messageId, string personKey, SourceRef target, IReadOnlyDictionary<string, string> properties, long version, int schemaVersion)
    {
        MessageId = messageId;
        PersonKey = personKey;
        Target = target;
        Properties = properties;
        Version = version;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Deterministic id: see <see cref="ComputeMessageId"/>. The same person, target and version give the same id.</summary>
    public string MessageId { get; }

    /// <summary>The person the update is about (SyncBridge's person key; never an email).</summary>
    public string PersonKey { get; }

    /// <summary>The record to write: system, object type and record id.</summary>
    public SourceRef Target { get; }

    /// <summary>Property name → new value. An empty value clears the property in the target. Names are ordinal.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>The decision version, monotonic per person; a consumer skips a version not newer than the last it applied.</summary>
    public long Version { get; }

    /// <summary>The schema version the message was written with.</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// Creates a message and computes its id. Throws <see cref="ArgumentException"/> for a blank person key, a target
    /// without a known system or record id, a version below 1, or a blank property name.
    /// </summary>
    public static UpdateMessage Create(string personKey, SourceRef target, IReadOnlyDictionary<string, string> properties, long version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personKey);
        ArgumentNullException.ThrowIfNull(properties);
        ValidateTarget(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);

        var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A property name is blank.", nameof(properties));
            }

            copy[name] = value ?? string.Empty;
        }

        return new UpdateMessage(
            ComputeMessageId(personKey, target, version), personKey, target, new ReadOnlyDictionary<string, string>(copy), version, CurrentSchemaVersion);
    }

    /// <summary>
    /// The deterministic message id: lower-case hex of SHA-256 over this byte layout (all integers big-endian):
    /// <list type="number">
    /// <item>for each of person key, target system name (<c>hubspot</c>, <c>salesforce</c>, …, see
    /// <see cref="SourceSystemNames.ToName"/>), target object type, target record id: a 4-byte unsigned length
    /// followed by that many bytes of the string's UTF-8 encoding;</item>
    /// <item>the version as an 8-byte signed integer.</item>
    /// </list>
    /// Length prefixes make the layout unambiguous (no separator can collide with content). The id is 64 characters.
    /// </summary>
    public static string ComputeMessageId(string personKey, SourceRef target, long version)
    {
        ArgumentNullException.ThrowIfNull(personKey);
        var parts = new[] { personKey, target.System.ToName(), target.ObjectType ?? string.Empty, target.Id ?? string.Empty };
        var length = 8;
        foreach (var part in parts)
        {
            length += 4 + Encoding.UTF8.GetByteCount(part);
        }

        var buffer = new byte[length];
        var offset = 0;
        foreach (var part in parts)
        {
            var written = Encoding.UTF8.GetBytes(part, buffer.AsSpan(offset + 4));
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(offset, 4), (uint)written);
            offset += 4 + written;
        }

        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(offset, 8), version);
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }

    private static void ValidateTarget(SourceRef target)
    {
        if (target.System == SourceSystem.Unknown)
        {
            throw new ArgumentException("The target system is unknown.", nameof(target));
        }

        if (string.IsNullOrWhiteSpace(target.Id))
        {
            throw new ArgumentException("The target record id is blank.", nameof(target));
        }

        if (target.ObjectType is null)
        {
            throw new ArgumentException("The target object type is null (use an empty string when the system has one kind).", nameof(target));
        }
    }
}
