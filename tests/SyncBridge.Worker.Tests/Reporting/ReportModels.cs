using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Tests.Reporting;

/// <summary>Status reports built by hand for the renderer and JSON tests.</summary>
internal static class ReportModels
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    public const string HostileError = "<script>alert('pwned')</script> HTTP 500 & more";

    public const string HostilePerson = "p<2>&\"q\"";

    public static BillingForecast Forecast(int marketingNow, bool overTier = false) => new()
    {
        MarketingNow = marketingNow,
        BecomingMarketingNow = 300,
        BecomingNonMarketingAtUpdate = 900,
        PeakBeforeUpdate = marketingNow + 300,
        MarketingAfterUpdate = marketingNow + 300 - 900,
        NextUpdateDate = new DateOnly(2026, 12, 1),
        TierLimit = 5000,
        OverTier = overTier,
        TierNow = 5000,
        TierAfter = overTier ? 10000 : 5000,
        MonthlyCostNow = 1780.00m,
        MonthlyCostAfter = 1780.00m,
        TierAtRenewal = 2000,
        MonthlyCostAtRenewal = 1200.50m,
        Currency = "USD",
    };

    public static DecisionRunSummary Run(DateTimeOffset asOf, int marketingNow, bool overTier = false) => new()
    {
        AsOf = asOf,
        Persons = 5000,
        Marketing = marketingNow - 600,
        Hot = 137,
        Candidates = marketingNow - 500,
        UpdatesQueued = 812,
        FunnelBefore = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["none"] = 1200, ["subscriber"] = 900, ["lead"] = 2100, ["marketingqualifiedlead"] = 500, ["customer"] = 300,
        },
        FunnelAfter = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["subscriber"] = 1500, ["lead"] = 2400, ["marketingqualifiedlead"] = 640, ["salesqualifiedlead"] = 160, ["customer"] = 300,
        },
        Reasons = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["engaged_recently"] = 2900, ["dormant"] = 1100, ["hard_bounce"] = 80, ["hot"] = 137,
        },
        Forecast = Forecast(marketingNow, overTier),
    };

    /// <summary>Three runs a day apart (4,200, 4,300, 4,400 marketing), three sources (one failing with markup in its error), a queue and two decisions.</summary>
    public static StatusReport Full(bool overTier = false)
    {
        DecisionRunSummary[] runs = [Run(Now.AddDays(-2), 4200), Run(Now.AddDays(-1), 4300), Run(Now.AddMinutes(-5), 4400, overTier)];
        return new StatusReport
        {
            GeneratedAt = Now,
            StateStore = "/var/lib/syncbridge/state.db",
            Sources =
            [
                new SourceView(new SourceStatus
                {
                    Source = "hubspot-contacts", CursorTimestamp = Now.AddMinutes(-3), CursorRecordId = "501", LastStartedAt = Now.AddMinutes(-2),
                    LastFinishedAt = Now.AddMinutes(-1), LastSuccessAt = Now.AddMinutes(-1), LastPages = 3, LastRecords = 250, Runs = 40, TotalRecords = 5250,
                }, TimeSpan.FromMinutes(3)),
                new SourceView(new SourceStatus
                {
                    Source = "salesforce-leads", CursorTimestamp = Now.AddHours(-5), LastStartedAt = Now.AddMinutes(-2), LastFinishedAt = Now.AddMinutes(-2),
                    LastSuccessAt = Now.AddHours(-5), LastError = HostileError, Runs = 12, TotalRecords = 3000,
                }, TimeSpan.FromHours(5)),
                new SourceView(new SourceStatus { Source = "csv <b>drop</b>" }, null),
            ],
            Queue = new QueueView(12, 2, TimeSpan.FromSeconds(90), 3, 40, "embedded"),
            Latest = runs[^1],
            Runs = runs,
            Forecast = StatusReportBuilder.ForecastPoints(runs),
            RecentDecisions =
            [
                new RecentDecision("p-1", "marketingqualifiedlead", true, ["engaged_recently", "hot"], 87.46, true, Now.AddMinutes(-5), 3, Now.AddMinutes(-5)),
                new RecentDecision(HostilePerson, "lead", false, ["dormant"], 4, false, Now.AddMinutes(-5), 0, null),
            ],
        };
    }

    public static StatusReport Empty() => new()
    {
        GeneratedAt = Now,
        StateStore = "/tmp/empty.db",
        QueueError = "IOException: the queue file is locked",
    };
}
