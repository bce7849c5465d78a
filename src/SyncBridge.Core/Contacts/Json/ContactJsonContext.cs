using System.Text.Json.Serialization;

namespace SyncBridge.Core.Contacts.Json;

/// <summary>
/// Source-generated serialization of the stored contact shape: camelCase names, enums by name (a value with no name is
/// written as its number), defaults (null, false, 0, the first enum value) left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ContactDto))]
internal sealed partial class ContactJsonContext : JsonSerializerContext;
