namespace SyncBridge.Simulators.Salesforce;

/// <summary>How a <see cref="SalesforceSimulator"/> starts: its seed data, credentials, session schedule and limits.</summary>
public sealed class SalesforceSimulatorOptions
{
    /// <summary>Seed of <see cref="Seeding.SyntheticPeople"/>; the same seed gives the same humans as the HubSpot simulator.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Contacts seeded from people 0 .. ContactCount-1.</summary>
    public int ContactCount { get; set; }

    /// <summary>Open Leads seeded from people ContactCount .. ContactCount+LeadCount-1.</summary>
    public int LeadCount { get; set; }

    /// <summary>Extra Leads, already converted into the first ConvertedLeadCount Contacts (same person).</summary>
    public int ConvertedLeadCount { get; set; }

    public string ClientId { get; set; } = "syncbridge-simulator";

    public string ClientSecret { get; set; } = "simulator-secret";

    /// <summary>Accepted by the refresh-token grant.</summary>
    public string RefreshToken { get; set; } = "simulator-refresh-token";

    /// <summary>A session stops working this long after it was issued (null: never by time).</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>A session stops working after this many API calls (null: never by count).</summary>
    public int? TokenCallLimit { get; set; }

    /// <summary>The org's rolling 24 h API allocation; calls beyond it get 403 REQUEST_LIMIT_EXCEEDED.</summary>
    public long DailyApiLimit { get; set; } = 1_000_000;

    /// <summary>Requests in flight beyond this get 403 REQUEST_LIMIT_EXCEEDED (ConcurrentPerOrgLongTxn).</summary>
    public int MaxConcurrentRequests { get; set; } = 25;

    /// <summary>How far back the deleted endpoint reaches (Salesforce: about 15 days).</summary>
    public TimeSpan DeletedRetention { get; set; } = TimeSpan.FromDays(15);

    /// <summary>SystemModstamp of the first seeded record; seeded records share stamps in runs of <see cref="RecordsPerSecond"/>.</summary>
    public DateTimeOffset SeedEpoch { get; set; } = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public int RecordsPerSecond { get; set; } = 25;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
