using System.Globalization;
using System.Text.Json;

namespace SyncBridge.Simulators.HubSpot;

/// <summary>A parsed search request: filter groups (ORed) of filters (ANDed), one sort, paging.</summary>
internal sealed class HubSpotSimSearch
{
    private readonly List<List<Filter>> _groups = [];

    public string? SortProperty { get; private set; }

    public bool Descending { get; private set; }

    public int Limit { get; private set; } = 10;

    public int Offset { get; private set; }

    public List<string> Properties { get; } = [];

    public int GroupCount => _groups.Count;

    public int FilterCount => _groups.Sum(group => group.Count);

    public static HubSpotSimSearch Parse(JsonElement body)
    {
        var search = new HubSpotSimSearch();
        if (body.TryGetProperty("filterGroups", out var groups) && groups.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in groups.EnumerateArray())
            {
                var filters = new List<Filter>();
                if (group.TryGetProperty("filters", out var filterArray) && filterArray.ValueKind == JsonValueKind.Array)
                {
                    foreach (var filter in filterArray.EnumerateArray())
                    {
                        filters.Add(new Filter(
                            Text(filter, "propertyName") ?? string.Empty,
                            (Text(filter, "operator") ?? "EQ").ToUpperInvariant(),
                            Text(filter, "value"),
                            Text(filter, "highValue"),
                            filter.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
                                ? values.EnumerateArray().Select(value => value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText()).ToList()
                                : []));
                    }
                }

                search._groups.Add(filters);
            }
        }

        if (body.TryGetProperty("sorts", out var sorts) && sorts.ValueKind == JsonValueKind.Array && sorts.GetArrayLength() > 0)
        {
            var sort = sorts[0];
            if (sort.ValueKind == JsonValueKind.String)
            {
                var text = sort.GetString() ?? string.Empty;
                search.Descending = text.StartsWith('-');
                search.SortProperty = text.TrimStart('-');
            }
            else if (sort.ValueKind == JsonValueKind.Object)
            {
                search.SortProperty = Text(sort, "propertyName");
                search.Descending = string.Equals(Text(sort, "direction"), "DESCENDING", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (body.TryGetProperty("limit", out var limit) && limit.TryGetInt32(out var limitValue))
        {
            search.Limit = limitValue;
        }

        var after = Text(body, "after");
        if (after is not null && int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            search.Offset = offset;
        }

        if (body.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Array)
        {
            search.Properties.AddRange(properties.EnumerateArray().Select(property => property.GetString() ?? string.Empty).Where(name => name.Length > 0));
        }

        return search;
    }

    public bool Matches(HubSpotSimContact contact) =>
        _groups.Count == 0 || _groups.Exists(group => group.TrueForAll(filter => filter.Matches(contact)));

    public int Compare(HubSpotSimContact a, HubSpotSimContact b)
    {
        var bySort = 0;
        if (SortProperty is { } property)
        {
            bySort = CompareValues(ValueOf(a, property), ValueOf(b, property));
            if (Descending)
            {
                bySort = -bySort;
            }
        }

        return bySort != 0 ? bySort : a.Id.CompareTo(b.Id);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A comparable value: a number for ids, dates and numbers, else the text; null when the contact has none.</summary>
    private static IComparable? ValueOf(HubSpotSimContact contact, string property) => property switch
    {
        "hs_object_id" => contact.Id,
        "lastmodifieddate" => contact.ModifiedMs,
        "createdate" => contact.CreatedMs,
        _ => contact.Properties.TryGetValue(property, out var text) ? (IComparable)text : null,
    };

    private static int CompareValues(IComparable? a, IComparable? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        _ => a.CompareTo(b),
    };

    private sealed record Filter(string Property, string Operator, string? Value, string? HighValue, List<string> Values)
    {
        public bool Matches(HubSpotSimContact contact)
        {
            var actual = ValueOf(contact, Property);
            switch (Operator)
            {
                case "HAS_PROPERTY":
                    return actual is not null;
                case "NOT_HAS_PROPERTY":
                    return actual is null;
                case "IN":
                    return actual is not null && Values.Exists(value => CompareValues(actual, Coerce(actual, value)) == 0);
                case "NOT_IN":
                    return actual is null || !Values.Exists(value => CompareValues(actual, Coerce(actual, value)) == 0);
                case "CONTAINS_TOKEN":
                    return actual is string text && Value is not null && text.Contains(Value.Trim('*'), StringComparison.OrdinalIgnoreCase);
                default:
                    break;
            }

            if (actual is null || Value is null)
            {
                return Operator == "NEQ";
            }

            var compared = CompareValues(actual, Coerce(actual, Value));
            return Operator switch
            {
                "EQ" => compared == 0,
                "NEQ" => compared != 0,
                "LT" => compared < 0,
                "LTE" => compared <= 0,
                "GT" => compared > 0,
                "GTE" => compared >= 0,
                "BETWEEN" => compared >= 0 && HighValue is not null && CompareValues(actual, Coerce(actual, HighValue)) <= 0,
                _ => false,
            };
        }

        private static IComparable Coerce(IComparable actual, string value)
        {
            if (actual is not long)
            {
                return value;
            }

            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant.ToUnixTimeMilliseconds()
                : long.MinValue;
        }
    }
}
