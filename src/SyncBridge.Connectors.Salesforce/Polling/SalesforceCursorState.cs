using System.Globalization;
using SyncBridge.Connectors.Salesforce.Mapping;

namespace SyncBridge.Connectors.Salesforce.Polling;

/// <summary>
/// What a Salesforce source keeps in <see cref="Core.Sync.SourceCursor.State"/>: where the next read of the
/// deleted-records endpoint starts (<c>del=2026-11-01T09:30:00.000Z</c>).
/// </summary>
internal readonly record struct SalesforceCursorState(DateTimeOffset? DeletedSince)
{
    private const string DeletedKey = "del=";

    public static SalesforceCursorState Parse(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return default;
        }

        foreach (var part in state.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith(DeletedKey, StringComparison.Ordinal)
                && SalesforceDateTime.TryParse(part[DeletedKey.Length..], out var since))
            {
                return new SalesforceCursorState(since);
            }
        }

        return default;
    }

    public override string ToString() =>
        DeletedSince is { } since ? string.Create(CultureInfo.InvariantCulture, $"{DeletedKey}{SalesforceDateTime.Format(since)}") : string.Empty;
}
