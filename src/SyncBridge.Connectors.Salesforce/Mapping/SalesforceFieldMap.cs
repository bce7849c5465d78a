using System.Text.RegularExpressions;
using SyncBridge.Connectors.Salesforce.Configuration;

namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>
/// The effective field map of one object: the built-in defaults overlaid with the configured entries
/// (an entry with a blank field switches that property off).
/// </summary>
internal sealed partial class SalesforceFieldMap
{
    private SalesforceFieldMap(string objectType, IReadOnlyDictionary<string, string> fields)
    {
        ObjectType = objectType;
        Fields = fields;
    }

    public string ObjectType { get; }

    /// <summary>Canonical key → field path.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    public string? FieldOf(string key) => Fields.TryGetValue(key, out var field) ? field : null;

    public static SalesforceFieldMap ForLead(SalesforceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Build(SalesforceObjectTypes.Lead, SalesforceFieldKeys.LeadDefaults, options.LeadFields);
    }

    public static SalesforceFieldMap ForContact(SalesforceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Build(SalesforceObjectTypes.Contact, SalesforceFieldKeys.ContactDefaults, options.ContactFields);
    }

    /// <summary>True for an API name such as <c>Email</c>, <c>Score__c</c> or a relationship path <c>Account.Name</c>.</summary>
    public static bool IsValidFieldPath(string? path) => path is not null && FieldPathPattern().IsMatch(path);

    private static SalesforceFieldMap Build(string objectType, IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string>? configured)
    {
        var fields = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        if (configured is not null)
        {
            foreach (var (key, field) in configured)
            {
                if (string.IsNullOrWhiteSpace(field))
                {
                    fields.Remove(key);
                }
                else
                {
                    fields[key] = field.Trim();
                }
            }
        }

        return new SalesforceFieldMap(objectType, fields);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPathPattern();
}
