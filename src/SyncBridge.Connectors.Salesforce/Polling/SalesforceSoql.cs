using System.Globalization;
using System.Text;
using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Polling;

/// <summary>The SOQL statements the sources send.</summary>
internal static class SalesforceSoql
{
    /// <summary>
    /// <c>SELECT … FROM T [WHERE (SystemModstamp &gt; ts OR (SystemModstamp = ts AND Id &gt; 'id'))] ORDER BY SystemModstamp, Id LIMIT n</c>.
    /// </summary>
    public static string Incremental(string sObject, IReadOnlyList<string> fields, string? subquery, SourceCursor? after, int limit)
    {
        var soql = new StringBuilder("SELECT ");
        soql.AppendJoin(", ", fields);
        if (subquery is not null)
        {
            soql.Append(", ").Append(subquery);
        }

        soql.Append(" FROM ").Append(sObject);
        if (after is not null && !IsStart(after))
        {
            var ts = SalesforceDateTime.Format(after.Timestamp);
            soql.Append(CultureInfo.InvariantCulture, $" WHERE (SystemModstamp > {ts} OR (SystemModstamp = {ts} AND Id > {Quote(after.Id)}))");
        }

        soql.Append(CultureInfo.InvariantCulture, $" ORDER BY SystemModstamp ASC, Id ASC LIMIT {limit}");
        return soql.ToString();
    }

    /// <summary>For queryAll: which of <paramref name="ids"/> were merged, and into what.</summary>
    public static string MergedRecords(string sObject, IEnumerable<string> ids) =>
        $"SELECT Id, MasterRecordId FROM {sObject} WHERE IsDeleted = true AND Id IN ({string.Join(", ", ids.Select(Quote))})";

    /// <summary><c>SELECT Id, field FROM T WHERE Id IN (...)</c>: the version marker of each record.</summary>
    public static string VersionMarkers(string sObject, string versionField, IEnumerable<string> ids) =>
        $"SELECT Id, {versionField} FROM {sObject} WHERE Id IN ({string.Join(", ", ids.Select(Quote))})";

    /// <summary>True for the cursor of a read that found nothing yet (no WHERE clause).</summary>
    public static bool IsStart(SourceCursor cursor) => cursor.Timestamp == DateTimeOffset.MinValue && cursor.Id.Length == 0;

    private static string Quote(string id)
    {
        if (!SalesforceRecordMapper.IsRecordId(id))
        {
            throw new ArgumentException("The cursor does not hold a Salesforce record id.", nameof(id));
        }

        return "'" + id + "'";
    }
}
