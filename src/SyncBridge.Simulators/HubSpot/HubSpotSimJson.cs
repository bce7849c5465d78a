using System.Globalization;
using System.Text.Json;

namespace SyncBridge.Simulators.HubSpot;

/// <summary>Writes HubSpot's JSON shapes with <see cref="Utf8JsonWriter"/> (fast enough for 50,000-contact runs).</summary>
internal static class HubSpotSimJson
{
    public static readonly string[] DefaultProperties = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"];

    public static string Iso(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteContact(Utf8JsonWriter writer, HubSpotSimContact contact, IReadOnlyList<string> properties, bool? isNew = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", contact.Id.ToString(CultureInfo.InvariantCulture));
        writer.WriteStartObject("properties");
        foreach (var name in properties)
        {
            switch (name)
            {
                case "hs_object_id":
                    writer.WriteString(name, contact.Id.ToString(CultureInfo.InvariantCulture));
                    break;
                case "lastmodifieddate":
                    writer.WriteString(name, Iso(contact.ModifiedMs));
                    break;
                case "createdate":
                    writer.WriteString(name, Iso(contact.CreatedMs));
                    break;
                default:
                    if (contact.Properties.TryGetValue(name, out var value))
                    {
                        writer.WriteString(name, value);
                    }
                    else
                    {
                        writer.WriteNull(name);
                    }

                    break;
            }
        }

        writer.WriteEndObject();
        writer.WriteString("createdAt", Iso(contact.CreatedMs));
        writer.WriteString("updatedAt", Iso(contact.ModifiedMs));
        writer.WriteBoolean("archived", contact.Archived);
        if (contact.ArchivedMs is { } archivedMs)
        {
            writer.WriteString("archivedAt", Iso(archivedMs));
        }

        if (isNew is { } created)
        {
            writer.WriteBoolean("new", created);
        }

        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, string category, string message, string? policyName = null)
    {
        writer.WriteStartObject();
        writer.WriteString("status", "error");
        writer.WriteString("message", message);
        writer.WriteString("correlationId", Guid.NewGuid().ToString());
        if (policyName is null)
        {
            writer.WriteString("category", category);
        }
        else
        {
            writer.WriteString("errorType", "RATE_LIMIT");
            writer.WriteString("policyName", policyName);
        }

        writer.WriteEndObject();
    }
}
