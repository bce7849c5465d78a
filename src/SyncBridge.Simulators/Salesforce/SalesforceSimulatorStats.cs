namespace SyncBridge.Simulators.Salesforce;

/// <summary>What the simulator has served (<c>GET /_sim/stats</c>).</summary>
public sealed record SalesforceSimulatorStats
{
    public long TokenRequests { get; init; }
    public long ApiRequests { get; init; }

    /// <summary>query, queryAll and nextRecordsUrl calls.</summary>
    public long QueryRequests { get; init; }
    public long CollectionRequests { get; init; }
    public long DeletedRequests { get; init; }
    public long Unauthorized { get; init; }
    public long LimitExceeded { get; init; }
    public int MaxConcurrentRequests { get; init; }
    public long ApiUsage { get; init; }
    public long DailyApiLimit { get; init; }
    public int Leads { get; init; }
    public int Contacts { get; init; }
    public int DeletedRecords { get; init; }
    public long RecordsWritten { get; init; }
}
