namespace SyncBridge.Simulators.Salesforce.Soql;

/// <summary>A parsed <c>SELECT … FROM … [WHERE …] [ORDER BY …] [LIMIT n]</c>.</summary>
internal sealed record SoqlQuery(
    string From,
    IReadOnlyList<string> Fields,
    IReadOnlyList<SoqlQuery> Subqueries,
    SoqlCondition? Where,
    IReadOnlyList<SoqlOrder> OrderBy,
    int? Limit);

internal sealed record SoqlOrder(string Field, bool Descending);
