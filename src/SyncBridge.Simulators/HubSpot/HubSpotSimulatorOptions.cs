using SyncBridge.Simulators.Seeding;

namespace SyncBridge.Simulators.HubSpot;

/// <summary>How a <see cref="HubSpotSimulator"/> is seeded and which of HubSpot's limits it enforces.</summary>
public sealed record HubSpotSimulatorOptions
{
    /// <summary>Seed of <see cref="SyntheticPeople"/>: person i is the same human in every simulator.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How many people to seed as contacts.</summary>
    public int Contacts { get; init; }

    /// <summary>Every n-th person also gets a duplicate contact with a messy email (0 = none).</summary>
    public int DuplicateEvery { get; init; } = 25;

    /// <summary>Every n-th contact is seeded archived (0 = none).</summary>
    public int ArchivedEvery { get; init; }

    /// <summary>lastmodifieddate of the first seeded contact.</summary>
    public DateTimeOffset SeedStart { get; init; } = SyntheticPeople.Epoch.AddDays(-30);

    /// <summary>Time between seeded lastmodifieddate values.</summary>
    public TimeSpan SeedStep { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many consecutive seeded contacts share one lastmodifieddate (HubSpot's batch jobs do this).</summary>
    public int ContactsPerTimestamp { get; init; } = 1;

    /// <summary>The 10-second rolling request limit (null = not enforced).</summary>
    public int? RequestsPer10Seconds { get; init; } = 100;

    /// <summary>The search endpoints' per-second limit (null = not enforced).</summary>
    public int? SearchRequestsPerSecond { get; init; } = 5;

    /// <summary>The daily request limit, reset at UTC midnight of the simulator's clock.</summary>
    public int DailyLimit { get; init; } = 250_000;

    /// <summary>When set, only this bearer token is accepted (401 otherwise); when null any bearer token is.</summary>
    public string? RequiredToken { get; init; }

    /// <summary>The one form whose submissions are served.</summary>
    public string FormGuid { get; init; } = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    /// <summary>The clock lastmodifieddate and the rate limits run on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long a change takes to reach the search index (HubSpot: a few seconds); list and batch read see it at once.</summary>
    public TimeSpan SearchLag { get; init; } = TimeSpan.Zero;

    public int ListPageLimit { get; init; } = 100;

    public int SearchPageLimit { get; init; } = 200;

    public int SearchResultCap { get; init; } = 10_000;

    public int BatchLimit { get; init; } = 100;
}
